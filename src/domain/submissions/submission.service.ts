// Topics members submit for a meeting before its deadline ("Punkter til mødet kan meldes
// ind til det fælleskommunale sekretariat senest …"), and the secretariat's review of
// them. Members submit, change and withdraw their own until they are reviewed; only the
// secretariat reviews. A review names the version it saw, so of two secretariat members
// acting at once one wins and the other is told what happened. Every message a change
// sends (the review card to the secretariat, the outcome to the submitter) is queued in
// the transaction that makes the change.
import type { Clock } from '../shared/clock';
import type { CommitteeService } from '../committees/committee.service';
import { DomainError } from '../shared/errors';
import { inert } from '../shared/inert-text';
import { isDeadlinePassed, notYetStarted, submissionDeadline } from '../meetings/meeting-rules';
import type { Actor, Committee, Meeting, Member, SectionKind } from '../shared/types';
import type { SubmissionRepository } from './ports';
import type { SubmissionDraft, SubmissionPurpose, SubmissionReview, TopicSubmission } from './types';
import type { OutboundMessage, Recipient } from '../delivery/types';
import type { MembershipRepository } from '../committees/ports';
import type { MeetingRepository } from '../meetings/ports';
import type { ItemDraft } from '../agenda/types';
import type { AuditLog } from '../shared/ports';

export const SUBMISSION_LIMITS = { title: 200, description: 10_000, presenter: 200, links: 10, link: 2_000, reason: 10_000 } as const;

/** Meetings a submission can be for: the coming ones, each with its deadline. */
const LOOKAHEAD = 8;

export interface MeetingChoice {
  meeting: Meeting;
  deadline: Date;
  deadlinePassed: boolean;
}

/** What the submission form needs. */
export interface SubmissionFormView {
  committee: Committee;
  meetings: MeetingChoice[];
  /** The next meeting whose deadline has not passed. */
  defaultMeetingId: string;
  /** The submission being changed, or null for a new one. */
  submission: TopicSubmission | null;
  /** The presenter by default: the submitter. */
  me: Member;
}

/** Something wrong with a field of the form, with the limit it broke. */
export interface DraftProblem {
  field: 'title' | 'description' | 'presenter' | 'links';
  problem: 'empty' | 'too_long' | 'too_many' | 'not_a_link';
  limit?: number;
}

/** What the submitter is told after submitting. */
export interface SubmitOutcome {
  submission: TopicSubmission;
  committee: Committee;
  /** The meeting it goes to, with that meeting's deadline. */
  target: MeetingChoice;
  /** The meeting whose deadline it missed (it went to `target` instead), or null. */
  missed: MeetingChoice | null;
}

/** What the secretariat's click came to: its review, or the review someone made first. */
export interface ReviewOutcome {
  /** False when someone else reviewed it first (or it was withdrawn): `submission` is how they left it. */
  done: boolean;
  submission: TopicSubmission;
  committee: Committee;
  meetings: Map<string, Meeting>;
}

/** Builds the messages a submission's changes send (implemented by the bot: cards, wording). */
export interface SubmissionLetters {
  /** The review card to each member of the secretariat. */
  forReview(submission: TopicSubmission, committee: Committee, meetings: Map<string, Meeting>, secretariat: Recipient[]): OutboundMessage[];
  /** The outcome of a review, or a question, to the submitter. */
  toSubmitter(submission: TopicSubmission, committee: Committee, meetings: Map<string, Meeting>, submitter: Recipient | null): OutboundMessage[];
}

/** A member who may submit: one who speaks for their organisation (observers follow along). */
function refuseObserver(member: Member): Member {
  if (member.role === 'observer') throw new DomainError('observer', 'observers do not submit topics');
  return member;
}

/** The section an accepted topic goes in: what the committee should do with it. */
export function sectionFor(purpose: SubmissionPurpose): SectionKind {
  return purpose === 'information' ? 'information' : 'decision';
}

/** Every problem with the draft, each naming the limit it broke (empty when it is fine). */
export function checkDraft(draft: SubmissionDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const title = draft.title.trim();
  if (!title) problems.push({ field: 'title', problem: 'empty' });
  else if (title.length > SUBMISSION_LIMITS.title) problems.push({ field: 'title', problem: 'too_long', limit: SUBMISSION_LIMITS.title });
  if (draft.description.length > SUBMISSION_LIMITS.description) {
    problems.push({ field: 'description', problem: 'too_long', limit: SUBMISSION_LIMITS.description });
  }
  if ((draft.presenter ?? '').trim().length > SUBMISSION_LIMITS.presenter) {
    problems.push({ field: 'presenter', problem: 'too_long', limit: SUBMISSION_LIMITS.presenter });
  }
  const links = draft.links.map((l) => l.trim()).filter(Boolean);
  if (links.length > SUBMISSION_LIMITS.links) problems.push({ field: 'links', problem: 'too_many', limit: SUBMISSION_LIMITS.links });
  else if (links.some((l) => l.length > SUBMISSION_LIMITS.link || !isWebLink(l))) problems.push({ field: 'links', problem: 'not_a_link' });
  return problems;
}

function isWebLink(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** The draft as stored: trimmed, one link per entry; a DomainError when it breaks a limit. */
export function cleanSubmission(draft: SubmissionDraft): SubmissionDraft {
  const problems = checkDraft(draft);
  if (problems.length) throw new DomainError('invalid_input', problems.map((p) => `${p.field}: ${p.problem}`).join(', '));
  return {
    title: draft.title.replace(/\s+/g, ' ').trim(),
    purpose: draft.purpose,
    description: draft.description.replace(/\r\n?/g, '\n').trim(),
    presenter: draft.presenter?.replace(/\s+/g, ' ').trim() || null,
    links: draft.links.map((l) => l.trim()).filter(Boolean),
  };
}

/** The agenda item an accepted submission becomes (a draft the secretariat can edit). */
export function itemFromSubmission(s: TopicSubmission, committee: Committee): Omit<ItemDraft, 'number'> {
  const recommendation: Record<SubmissionPurpose, string> = {
    decision: 'Træffer beslutning om punktet',
    discussion: 'Drøfter punktet',
    information: 'Tager orienteringen til efterretning',
  };
  const links = s.links.length ? `\n\n${s.links.map((l) => `- ${l}`).join('\n')}` : '';
  // The member's words become the secretariat's Markdown here (shown on cards, written
  // into the minutes): they stay as typed, with no structure of their own.
  return {
    section: sectionFor(s.purpose),
    title: inert(s.title),
    presenter: s.presenter ?? s.submitter.name,
    recommendationIntro: `At ${committee.name}:`,
    recommendations: [recommendation[s.purpose]],
    caseText: `${inert(s.description)}${links}`.trim(),
  };
}

export interface SubmissionServiceDeps {
  committees: CommitteeService;
  meetings: MeetingRepository;
  memberships: MembershipRepository;
  submissions: SubmissionRepository;
  audit: AuditLog;
  clock: Clock;
  letters: SubmissionLetters;
}

export class SubmissionService {
  constructor(private readonly deps: SubmissionServiceDeps) {}

  /** The form for a new submission (members, not observers). */
  async formView(committee: Committee, actor: Actor): Promise<SubmissionFormView> {
    return this.form(committee, refuseObserver(await this.deps.committees.requireMember(committee, actor)), null);
  }

  /** The form for changing one of the actor's own submissions, while it waits for review. */
  async editForm(actor: Actor, submissionId: string): Promise<SubmissionFormView> {
    const submission = await this.deps.submissions.find(submissionId);
    if (!submission) throw new DomainError('not_found', `no submission ${submissionId}`);
    const { committee, member } = await this.deps.committees.getForMember(submission.committeeId, actor);
    if (member.personId !== submission.submitter.personId) {
      // Only its submitter changes a topic; a member is told it is the secretariat's to handle.
      throw new DomainError(member.role === 'secretariat' ? 'invalid_input' : 'not_secretariat', 'not the submitter');
    }
    if (submission.status !== 'submitted') throw new DomainError('submission_reviewed', submissionId);
    return this.form(committee, member, submission);
  }

  private async form(committee: Committee, me: Member, submission: TopicSubmission | null): Promise<SubmissionFormView> {
    const meetings = await this.choices(committee);
    const open = meetings.find((m) => !m.deadlinePassed);
    if (!open) throw new DomainError('no_open_meeting', committee.slug);
    return { committee, meetings, defaultMeetingId: open.meeting.id, submission, me };
  }

  /** Submits a topic for the meeting; after its deadline it goes to the next meeting still open. */
  async submit(actor: Actor, meetingId: string, draft: SubmissionDraft, correlationId?: string): Promise<SubmitOutcome> {
    const meeting = await this.deps.meetings.findById(meetingId);
    if (!meeting) throw new DomainError('not_found', `no meeting ${meetingId}`);
    const { committee, member } = await this.deps.committees.getForMember(meeting.committeeId, actor);
    const me = refuseObserver(member);
    const clean = cleanSubmission(draft);
    const meetings = await this.choices(committee);
    const chosen = meetings.find((m) => m.meeting.id === meetingId);
    if (!chosen) throw new DomainError('invalid_input', `meeting ${meetingId} is not coming`);
    const target = chosen.deadlinePassed ? meetings.find((m) => !m.deadlinePassed && m.meeting.startsAt > chosen.meeting.startsAt) : chosen;
    if (!target) throw new DomainError('no_open_meeting', committee.slug);
    const missed = chosen.deadlinePassed ? chosen : null;
    const byId = new Map(meetings.map((m) => [m.meeting.id, m.meeting]));
    const secretariat = await this.deps.memberships.recipients(committee.id, ['secretariat']);
    const submission = await this.deps.submissions.create(
      {
        committeeId: committee.id,
        meetingId: target.meeting.id,
        lateForMeetingId: missed?.meeting.id ?? null,
        submitterId: me.personId,
        organisationId: me.organisation?.id ?? null,
        draft: clean,
      },
      (s) => this.deps.letters.forReview(s, committee, byId, secretariat),
    );
    await this.record(committee, actor, 'submission.created', submission.id, { meetingId: target.meeting.id, late: Boolean(missed) }, correlationId);
    return { submission, committee, target, missed };
  }

  /** Changes the actor's own submission while it waits for review; the secretariat gets the new version. */
  async edit(actor: Actor, id: string, version: number, draft: SubmissionDraft, correlationId?: string): Promise<SubmitOutcome> {
    const { committee, submission } = await this.own(id, actor);
    const clean = cleanSubmission(draft);
    const meetings = await this.meetingsOf(committee, submission);
    const secretariat = await this.deps.memberships.recipients(committee.id, ['secretariat']);
    const changed = await this.deps.submissions.edit(id, version, { draft: clean }, (s) => this.deps.letters.forReview(s, committee, meetings, secretariat));
    if (!changed) throw this.notOpen(submission);
    await this.record(committee, actor, 'submission.changed', id, {}, correlationId);
    const choice = (meetingId: string | null) => {
      const meeting = meetingId ? meetings.get(meetingId) : undefined;
      return meeting ? this.choiceOf(meeting, committee) : null;
    };
    return { submission: changed, committee, target: choice(changed.meetingId)!, missed: choice(changed.lateForMeetingId) };
  }

  /** Withdraws the actor's own submission while it waits for review. */
  async withdraw(actor: Actor, id: string, version: number, correlationId?: string): Promise<{ submission: TopicSubmission; committee: Committee }> {
    const { committee, submission } = await this.own(id, actor);
    const withdrawn = await this.deps.submissions.edit(id, version, { withdraw: true }, () => []);
    if (!withdrawn) throw this.notOpen(submission);
    await this.record(committee, actor, 'submission.withdrawn', id, {}, correlationId);
    return { submission: withdrawn, committee };
  }

  /**
   * The secretariat's review: accept (a draft item in the right section, on its meeting or,
   * `late`, on the meeting it missed), move to a later meeting, decline with a reason, or
   * ask the submitter a question. When someone else reviewed it first, nothing changes
   * and the answer says what they did.
   */
  async review(
    actor: Actor,
    id: string,
    version: number,
    decision:
      | { kind: 'accept'; late?: boolean }
      | { kind: 'move'; meetingId: string }
      | { kind: 'decline'; reason: string }
      | { kind: 'question'; question: string },
    correlationId?: string,
  ): Promise<ReviewOutcome> {
    const found = await this.deps.submissions.find(id);
    if (!found) throw new DomainError('not_found', `no submission ${id}`);
    const { committee, member } = await this.deps.committees.getForRole(found.committeeId, actor, ['secretariat']);
    const meetings = await this.meetingsOf(committee, found);
    let review: SubmissionReview;
    if (decision.kind === 'accept') {
      const meetingId = decision.late && found.lateForMeetingId ? found.lateForMeetingId : found.meetingId;
      review = { kind: 'accept', meetingId, item: itemFromSubmission(found, committee) };
    } else if (decision.kind === 'move') {
      const to = meetings.get(decision.meetingId);
      const from = meetings.get(found.meetingId);
      if (!to || to.committeeId !== committee.id || to.status === 'cancelled' || (from && to.startsAt <= from.startsAt)) {
        throw new DomainError('invalid_input', `cannot move to ${decision.meetingId}`);
      }
      review = { kind: 'move', meetingId: to.id };
    } else {
      const text = (decision.kind === 'decline' ? decision.reason : decision.question).trim();
      if (!text || text.length > SUBMISSION_LIMITS.reason) throw new DomainError('invalid_input', `${decision.kind} text`);
      review = decision.kind === 'decline' ? { kind: 'decline', reason: text } : { kind: 'question', question: text };
    }
    const submitter = (await this.deps.memberships.recipients(committee.id)).find((r) => r.personId === found.submitter.personId) ?? null;
    const reviewed = await this.deps.submissions.review(id, version, member.personId, review, (s) =>
      this.deps.letters.toSubmitter(s, committee, meetings, submitter),
    );
    if (!reviewed) {
      const current = (await this.deps.submissions.find(id)) ?? found;
      return { done: false, submission: current, committee, meetings };
    }
    await this.record(committee, actor, `submission.${decision.kind === 'accept' && decision.late ? 'accepted_late' : decision.kind}`, id, { meetingId: reviewed.meetingId }, correlationId);
    return { done: true, submission: reviewed, committee, meetings };
  }

  /** "indmeldte punkter": the submissions for the next meeting still open for topics, or the next meeting. */
  async list(committee: Committee, actor: Actor): Promise<{ committee: Committee; meeting: MeetingChoice | null; submissions: TopicSubmission[] }> {
    await this.deps.committees.requireMember(committee, actor);
    const meetings = await this.choices(committee);
    const meeting = meetings[0] ?? null;
    const submissions = meeting ? await this.deps.submissions.listForMeeting(meeting.meeting.id) : [];
    return { committee, meeting, submissions };
  }

  /**
   * The secretariat's review list for one meeting (the tab's workbench): every topic
   * submitted for it, in any status; the later meetings a topic can be moved to; and
   * every meeting they name (a late topic's missed meeting included), by id.
   */
  async forMeeting(
    actor: Actor,
    meetingId: string,
  ): Promise<{ committee: Committee; meeting: Meeting; submissions: TopicSubmission[]; later: MeetingChoice[]; meetings: Map<string, Meeting> }> {
    const meeting = await this.deps.meetings.findById(meetingId);
    if (!meeting) throw new DomainError('not_found', meetingId);
    const { committee } = await this.deps.committees.getForRole(meeting.committeeId, actor, ['secretariat']);
    const [submissions, choices] = await Promise.all([this.deps.submissions.listForMeeting(meetingId), this.choices(committee)]);
    const later = choices.filter((c) => c.meeting.startsAt > meeting.startsAt);
    const meetings = new Map<string, Meeting>([[meeting.id, meeting], ...later.map((c) => [c.meeting.id, c.meeting] as const)]);
    for (const s of submissions) {
      if (s.lateForMeetingId && !meetings.has(s.lateForMeetingId)) {
        const missed = await this.deps.meetings.findById(s.lateForMeetingId);
        if (missed) meetings.set(missed.id, missed);
      }
    }
    return { committee, meeting, submissions, later, meetings };
  }

  /** Every topic submitted for a meeting, unchecked: for a read model that narrows them with submissionsSeenBy. */
  allForMeeting(meetingId: string): Promise<TopicSubmission[]> {
    return this.deps.submissions.listForMeeting(meetingId);
  }

  /** The coming meetings (not cancelled), each with its deadline. */
  async choices(committee: Committee): Promise<MeetingChoice[]> {
    const now = this.deps.clock.now();
    return notYetStarted(await this.deps.meetings.listUpcoming(committee.id, now, LOOKAHEAD), now).map((meeting) => this.choiceOf(meeting, committee));
  }

  private choiceOf(meeting: Meeting, committee: Committee): MeetingChoice {
    const deadline = submissionDeadline(meeting, committee.submissionDeadlineDays, committee.timeZone);
    return { meeting, deadline, deadlinePassed: isDeadlinePassed(deadline, this.deps.clock.now()) };
  }

  /** The coming meetings and those the submission names (which may have passed). */
  private async meetingsOf(committee: Committee, s: TopicSubmission): Promise<Map<string, Meeting>> {
    const map = new Map((await this.choices(committee)).map((m) => [m.meeting.id, m.meeting]));
    for (const id of [s.meetingId, s.lateForMeetingId]) {
      if (id && !map.has(id)) {
        const meeting = await this.deps.meetings.findById(id);
        if (meeting) map.set(id, meeting);
      }
    }
    return map;
  }

  private async own(id: string, actor: Actor): Promise<{ committee: Committee; me: Member; submission: TopicSubmission }> {
    const submission = await this.deps.submissions.find(id);
    if (!submission) throw new DomainError('not_found', `no submission ${id}`);
    const { committee, member } = await this.deps.committees.getForMember(submission.committeeId, actor);
    if (member.personId !== submission.submitter.personId) throw new DomainError('invalid_input', 'not the submitter');
    return { committee, me: member, submission };
  }

  /** Why a change of one's own submission did not take: it was reviewed or withdrawn, or changed elsewhere. */
  private notOpen(before: TopicSubmission): DomainError {
    return before.status === 'submitted' ? new DomainError('conflict', before.id) : new DomainError('submission_reviewed', before.id);
  }

  private record(committee: Committee, actor: Actor, action: string, id: string, data: Record<string, unknown>, correlationId?: string) {
    return this.deps.audit.record({ committeeId: committee.id, actor, action, subjectType: 'topic_submission', subjectId: id, data, correlationId });
  }
}

/** Where each kind of section stands when a meeting has none of it yet (the house format's order). */
const SECTION_ORDER: SectionKind[] = ['decision', 'information', 'upcoming', 'written', 'other'];

/**
 * The number an item added to `section` gets: the next in that section ("1.4" after
 * 1.1–1.3), or the first of a new section, numbered by the house order where that number
 * is free, else after the last section.
 */
export function nextItemNumber(existing: Array<{ number: string; section: SectionKind }>, section: SectionKind): string {
  const parts = existing.map((i) => ({ section: i.section, parts: i.number.split('.').map(Number) }));
  const same = parts.filter((p) => p.section === section && p.parts.length === 2);
  if (same.length) {
    const head = same[0]!.parts[0]!;
    const last = Math.max(...same.filter((p) => p.parts[0] === head).map((p) => p.parts[1]!));
    return `${head}.${last + 1}`;
  }
  const used = new Set(parts.map((p) => p.parts[0]!));
  const preferred = SECTION_ORDER.indexOf(section) + 1;
  const head = used.has(preferred) ? Math.max(0, ...used) + 1 : preferred;
  return `${head}.1`;
}

/** The topics `member` may see: all of them for the secretariat, their own for anyone else. */
export function submissionsSeenBy(member: Pick<Member, 'role' | 'personId'>, all: readonly TopicSubmission[]): TopicSubmission[] {
  return member.role === 'secretariat' ? [...all] : all.filter((s) => s.submitter.personId === member.personId);
}
