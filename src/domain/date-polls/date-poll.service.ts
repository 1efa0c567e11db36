// Date polls for the year's meetings ("Første møde: torsdag d. 18. januar eller mandag d.
// 22. januar"): the secretariat proposes two to four candidates for each of up to six
// meetings; the poll is one card in the committee's channel where members answer each
// candidate "Passer", "Passer helst" or "Passer ikke" and see the tallies; members may
// change their answers until the poll is closed (or its deadline passes). The secretariat
// closes it with a pick per meeting (the best candidate preselected); of two closing at
// once one wins; the chosen dates become planned meetings and, where the committee's
// Outlook calendar can be written, events there (after the transaction, by a job: a
// failure keeps the meeting and tells the secretariat). Non-responders are reminded
// before the deadline, and the secretariat is told when it has passed.
import { REPRESENTING } from '../attendance/attendance-rules';
import type { Clock } from '../shared/clock';
import type { CommitteeService } from '../committees/committee.service';
import { bestCandidate, checkPollDraft, pollReminderAt, pollTakesAnswers, type PollProblem } from './date-poll-rules';
import { cardKey } from '../delivery/delivery.service';
import { guardCpr } from '../shared/cpr-check';
import { DomainError } from '../shared/errors';
import type { OutlookEventWriter } from '../calendar/outlook-events';
import type { Actor, Committee, Meeting, Member } from '../shared/types';
import type { MembershipRepository } from '../committees/ports';
import type { MeetingRepository } from '../meetings/ports';
import type { DatePollRepository } from './ports';
import type { DateAnswer, DatePoll, DatePollDraft } from './types';
import type { CardRefresh, OutboundMessage, Recipient } from '../delivery/types';

/** Answers to one poll are gathered this long into one update of its card in the channel. */
const CARD_COALESCE_MS = 1000;
/** How long a writer holds a meeting whose Outlook event it is creating (Graph answers in seconds). */
const OUTLOOK_LEASE_SECONDS = 120;

/** A poll as one viewer sees it: their answers, what they may do, the counts. */
export interface DatePollView {
  poll: DatePoll;
  committee: Committee;
  /** The viewer's answers, candidate id → answer (empty on the card everyone sees). */
  mine: Map<string, DateAnswer>;
  /** What the viewer may do; null: the card everyone in the channel sees. */
  viewer: { canAnswer: boolean; canClose: boolean } | null;
  /** The poll takes answers now. */
  takesAnswers: boolean;
  /** Members asked (chair and members), and how many of them have answered. */
  asked: number;
  answered: number;
  /** Each meeting's best candidate now (group id → candidate id). */
  best: Map<string, string>;
  /** The meetings the chosen dates became (after closing), by group id. */
  meetings: Map<string, Meeting>;
}

/** Builds what a poll sends (implemented by the bot: wording, cards). */
export interface DatePollLetters {
  /** The result, in the channel: the dates chosen (after the card's update). */
  result(poll: DatePoll, committee: Committee, meetings: Meeting[]): OutboundMessage[];
  /** The reminder to members who have not answered. */
  reminders(poll: DatePoll, committee: Committee, recipients: Recipient[]): OutboundMessage[];
  /** To the secretariat once the deadline has passed: close the poll. */
  due(poll: DatePoll, committee: Committee, secretariat: Recipient[], answered: number, asked: number): OutboundMessage[];
  /** To the secretariat: the meeting is in Dagsorden, not in Outlook. */
  outlookFailed(poll: DatePoll, committee: Committee, meeting: Meeting, error: string, secretariat: Recipient[]): OutboundMessage[];
}

export interface DatePollServiceDeps {
  committees: CommitteeService;
  meetings: MeetingRepository;
  memberships: MembershipRepository;
  polls: DatePollRepository;
  clock: Clock;
  letters: DatePollLetters;
  /** Null where the app may not write the committees' calendars (Calendars.ReadWrite). */
  outlook: OutlookEventWriter | null;
}

export class DatePollService {
  constructor(private readonly deps: DatePollServiceDeps) {}

  /** The form for a new poll (secretariat). */
  async formView(committee: Committee, actor: Actor): Promise<{ committee: Committee }> {
    await this.deps.committees.requireRole(committee, actor, ['secretariat']);
    return { committee };
  }

  /** What is wrong with a draft now (the form's problems; create refuses the same). */
  problems(draft: DatePollDraft): PollProblem[] {
    return checkPollDraft(draft, this.deps.clock.now());
  }

  /**
   * Creates the poll and queues its card for the committee's channel (secretariat). A title
   * or place with CPR-like numbers goes only with `cprConfirmed`, their fingerprint as checked.
   */
  async create(actor: Actor, committeeId: string, draft: DatePollDraft, correlationId?: string, cprConfirmed: string | null = null): Promise<DatePollView> {
    const { committee, member } = await this.deps.committees.getForRole(committeeId, actor, ['secretariat']);
    // The card is posted outside any turn: the channel's address must be known (a message in it from the bot once).
    if (!committee.conversationId || !committee.serviceUrl) throw new DomainError('channel_not_linked', committee.slug);
    if (checkPollDraft(draft, this.deps.clock.now()).length) throw new DomainError('invalid_input', 'date poll');
    const clean: DatePollDraft = {
      title: draft.title.replace(/\s+/g, ' ').trim(),
      place: draft.place?.replace(/\s+/g, ' ').trim() || null,
      deadline: draft.deadline,
      groups: draft.groups.map((g) => ({ candidates: [...g.candidates].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()) })),
    };
    // The candidates are dates the card writes itself; the secretariat's words are these.
    const cpr = guardCpr([{ where: 'titel', text: clean.title }, { where: 'sted', text: clean.place }], cprConfirmed, committee.id);
    const poll = await this.deps.polls.create(
      committee.id,
      member.personId,
      clean,
      this.deps.clock.now(),
      { committeeId: committee.id, actorPersonId: member.personId, action: 'date_poll.created', subjectType: 'date_poll', subjectId: null, data: { actorName: actor.name, meetings: clean.groups.length, ...(cpr.findings.length ? { cprFindings: cpr.findings.length, confirmedCpr: true } : {}) }, correlationId: correlationId ?? null },
      (p) => ({ cards: [this.cardOf(p)], messages: [] }),
    );
    return this.viewFor(poll, committee, member);
  }

  /** The poll as a card's refresh shows it to the actor; null for anyone not a member of its committee. */
  async viewIfMember(pollId: string, actor: Actor): Promise<DatePollView | null> {
    const poll = await this.deps.polls.find(pollId);
    const committee = poll && (await this.deps.committees.byId(poll.committeeId));
    const member = committee && actor.aadObjectId ? await this.deps.memberships.findByAad(committee.id, actor.aadObjectId) : null;
    return poll && committee && member ? this.viewFor(poll, committee, member) : null;
  }

  /** The poll as the actor sees it (a member: with their answers); the shared card's view when they are none. */
  async view(pollId: string, actor: Actor | null): Promise<DatePollView> {
    const poll = await this.deps.polls.find(pollId);
    if (!poll) throw new DomainError('not_found', `no poll ${pollId}`);
    const committee = await this.deps.committees.byId(poll.committeeId);
    if (!committee) throw new DomainError('committee_not_found', poll.committeeId);
    const member = actor?.aadObjectId ? await this.deps.memberships.findByAad(committee.id, actor.aadObjectId) : null;
    return this.viewFor(poll, committee, member);
  }

  /**
   * Saves the actor's answers on the poll's candidates (chair and members), changeable
   * until the poll is closed or its deadline passes; the same answers twice change nothing.
   */
  async answer(actor: Actor, pollId: string, answers: Array<{ candidateId: string; answer: DateAnswer }>, correlationId?: string): Promise<{ view: DatePollView; changed: number }> {
    const poll = await this.deps.polls.find(pollId);
    if (!poll) throw new DomainError('not_found', `no poll ${pollId}`);
    const { committee, member } = await this.deps.committees.getForMember(poll.committeeId, actor);
    if (!REPRESENTING.includes(member.role)) throw new DomainError('not_asked', member.role);
    const candidates = new Set(poll.groups.flatMap((g) => g.candidates.map((c) => c.id)));
    if (!answers.length || answers.some((a) => !candidates.has(a.candidateId))) throw new DomainError('invalid_input', 'answers');
    if (!pollTakesAnswers(poll, this.deps.clock.now())) throw new DomainError('poll_closed', pollId);
    const saved = await this.deps.polls.saveAnswers(
      poll.id,
      member.personId,
      answers,
      this.deps.clock.now(),
      { committeeId: committee.id, actorPersonId: member.personId, action: 'date_poll.answered', subjectType: 'date_poll', subjectId: poll.id, data: { actorName: actor.name, answers }, correlationId: correlationId ?? null },
      { ...this.cardOf(poll), delayMs: CARD_COALESCE_MS },
    );
    if (!saved) throw new DomainError('poll_closed', pollId);
    return { view: await this.viewFor((await this.deps.polls.find(poll.id))!, committee, member), changed: saved.changed };
  }

  /**
   * Closes the poll with a pick per meeting (the best candidate where none is given) and
   * creates the meetings (secretariat). When someone else closed it first, nothing
   * changes and `done` is false; the view says who did.
   */
  async close(actor: Actor, pollId: string, picks: Map<string, string>, correlationId?: string): Promise<{ done: boolean; view: DatePollView; meetings: Meeting[] }> {
    const poll = await this.deps.polls.find(pollId);
    if (!poll) throw new DomainError('not_found', `no poll ${pollId}`);
    const { committee, member } = await this.deps.committees.getForRole(poll.committeeId, actor, ['secretariat']);
    const chosen = poll.groups.map((g) => {
      const candidateId = picks.get(g.id) ?? bestCandidate(g.candidates)!.id;
      if (!g.candidates.some((c) => c.id === candidateId)) throw new DomainError('invalid_input', `candidate ${candidateId} of group ${g.id}`);
      return { groupId: g.id, candidateId };
    });
    const closed = await this.deps.polls.close(
      { pollId: poll.id, closedById: member.personId, picks: chosen, outlook: Boolean(this.deps.outlook) },
      { committeeId: committee.id, actorPersonId: member.personId, action: 'date_poll.closed', subjectType: 'date_poll', subjectId: poll.id, data: { actorName: actor.name, picks: chosen }, correlationId: correlationId ?? null },
      (p, meetings) => ({ cards: [this.cardOf(p)], messages: this.deps.letters.result(p, committee, meetings) }),
    );
    if (!closed) return { done: false, view: await this.viewFor((await this.deps.polls.find(poll.id))!, committee, member), meetings: [] };
    return { done: true, view: await this.viewFor(closed.poll, committee, member), meetings: closed.meetings };
  }

  /**
   * Writes the Outlook event of each meeting a poll created whose event is pending (one
   * claim at a time, so two instances never write one twice) and keeps its ids on the
   * meeting; a failure is recorded and the secretariat told, and the meeting stays.
   * Returns how many were handled.
   */
  async writeOutlookEvents(): Promise<number> {
    if (!this.deps.outlook) return 0;
    let handled = 0;
    for (let claim = await this.deps.polls.claimOutlook(OUTLOOK_LEASE_SECONDS); claim; claim = await this.deps.polls.claimOutlook(OUTLOOK_LEASE_SECONDS)) {
      handled += 1;
      const [poll, meeting] = await Promise.all([this.deps.polls.find(claim.pollId), this.deps.meetings.findById(claim.meetingId)]);
      const committee = poll && (await this.deps.committees.byId(poll.committeeId));
      if (!poll || !meeting || !committee) {
        await this.deps.polls.outlookFailed(claim.groupId, 'the meeting or its committee is gone', []);
        continue;
      }
      try {
        await this.deps.polls.outlookWritten(claim.groupId, meeting.id, await this.deps.outlook.createEvent(committee, meeting));
      } catch (err) {
        const error = err instanceof Error ? err.message : String(err);
        const secretariat = await this.deps.memberships.recipients(committee.id, ['secretariat']);
        await this.deps.polls.outlookFailed(claim.groupId, error, this.deps.letters.outlookFailed(poll, committee, meeting, error, secretariat));
      }
    }
    return handled;
  }

  /**
   * The scheduler's part (every tick, from the database): the reminder to those who have
   * not answered once its time has come, and the word to the secretariat once the deadline
   * has passed (the outbox's keys make each once-only); then the pending Outlook events.
   */
  async tick(queue: (messages: OutboundMessage[]) => Promise<number>): Promise<{ reminders: number; due: number; outlook: number }> {
    const now = this.deps.clock.now();
    let reminders = 0;
    let due = 0;
    for (const poll of await this.deps.polls.listOpen()) {
      if (!poll.deadline) continue;
      const committee = await this.deps.committees.byId(poll.committeeId);
      if (!committee) continue;
      const members = await this.deps.memberships.list(committee.id);
      const respondents = await this.deps.polls.respondents(poll.id);
      const asked = members.filter((m) => REPRESENTING.includes(m.role));
      if (poll.deadline.getTime() <= now.getTime()) {
        const secretariat = await this.deps.memberships.recipients(committee.id, ['secretariat']);
        due += await queue(this.deps.letters.due(poll, committee, secretariat, asked.filter((m) => respondents.has(m.personId)).length, asked.length));
        continue;
      }
      const remindAt = pollReminderAt(poll, committee.timeZone);
      if (remindAt && remindAt.getTime() <= now.getTime()) {
        const waiting = new Set(asked.filter((m) => !respondents.has(m.personId)).map((m) => m.personId));
        const recipients = (await this.deps.memberships.recipients(committee.id, REPRESENTING)).filter((r) => waiting.has(r.personId));
        reminders += await queue(this.deps.letters.reminders(poll, committee, recipients));
      }
    }
    return { reminders, due, outlook: await this.writeOutlookEvents() };
  }

  /** The committee's open polls as the actor sees them, newest first (members only: the tab's list). */
  async openFor(committeeId: string, actor: Actor): Promise<DatePollView[]> {
    const { committee, member } = await this.deps.committees.getForMember(committeeId, actor);
    return Promise.all((await this.openPolls(committee)).map((p) => this.viewFor(p, committee, member)));
  }

  /** The committee's open polls, newest first (for "datoafstemning" to point at). */
  async openPolls(committee: Committee): Promise<DatePoll[]> {
    return (await this.deps.polls.list(committee.id)).filter((p) => p.status === 'open');
  }

  private cardOf(poll: DatePoll): CardRefresh {
    return { kind: 'date-poll', subjectId: poll.id, committeeId: poll.committeeId };
  }

  private async viewFor(poll: DatePoll, committee: Committee, member: Member | null): Promise<DatePollView> {
    const [members, respondents, mine, meetings] = await Promise.all([
      this.deps.memberships.list(committee.id),
      this.deps.polls.respondents(poll.id),
      member ? this.deps.polls.answersOf(poll.id, member.personId) : Promise.resolve(new Map<string, DateAnswer>()),
      Promise.all(poll.groups.filter((g) => g.meetingId).map(async (g) => [g.id, await this.deps.meetings.findById(g.meetingId!)] as const)),
    ]);
    const asked = members.filter((m) => REPRESENTING.includes(m.role));
    return {
      poll,
      committee,
      mine,
      viewer: member ? { canAnswer: REPRESENTING.includes(member.role), canClose: member.role === 'secretariat' } : null,
      takesAnswers: pollTakesAnswers(poll, this.deps.clock.now()),
      asked: asked.length,
      answered: asked.filter((m) => respondents.has(m.personId)).length,
      best: new Map(poll.groups.flatMap((g) => {
        const best = bestCandidate(g.candidates);
        return best ? [[g.id, best.id] as const] : [];
      })),
      meetings: new Map(meetings.flatMap(([id, m]) => (m ? [[id, m] as const] : []))),
    };
  }
}

/** The outbox key of a poll's card in the channel. */
export function datePollCardKey(pollId: string): string {
  return cardKey('date-poll', pollId);
}
