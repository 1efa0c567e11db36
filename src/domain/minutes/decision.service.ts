// The decision ("Referat") of each item, recorded by the secretariat during or after the
// meeting: the outcome, the text, and the actions agreed (who, what, by when). Recording
// closes the item to answers and updates its card in the channel. Once the meeting's
// minutes are published, a change is a correction, dated and listed in them. The
// committee's decisions across its meetings can be searched ("beslutninger takstaftalen").
import type { Clock } from '../shared/clock';
import type { CommitteeService } from '../committees/committee.service';
import { guardCpr } from '../shared/cpr-check';
import { DomainError } from '../shared/errors';
import { outcomeFromMinutes, standardReferat } from './minutes-outcome';
import type { Actor, Committee, DecisionOutcome, Meeting, Member, Organisation, SectionKind } from '../shared/types';
import { addDays, fromLocal, toLocal } from '../shared/zoned-time';
import type { AgendaItem } from '../agenda/types';
import type { MembershipRepository } from '../committees/ports';
import type { InputRequestRepository } from '../input/ports';
import type { DecisionRepository, MinutesRepository } from './ports';
import type { AgendaRepository } from '../agenda/ports';
import type { ActionDraft, DecisionDraft, DecisionHit, RecordedDecision } from './types';

export const DECISION_LIMITS = { text: 20_000, actions: 10, what: 500, correction: 1_000, search: 200 } as const;
export const OUTCOMES: readonly DecisionOutcome[] = ['approved', 'approved_with_changes', 'noted', 'discussed', 'postponed', 'rejected'];
/** How many decisions a search shows. */
export const SEARCH_LIMIT = 10;

/** Something wrong with the decision form, naming the limit. */
export interface DecisionProblem {
  field: 'text' | 'actions' | 'what' | 'due' | 'owner' | 'correction';
  problem: 'empty' | 'too_long' | 'too_many' | 'invalid';
  limit?: number;
}

/** What the decision form shows. */
export interface DecisionFormView {
  committee: Committee;
  meeting: Meeting;
  item: AgendaItem;
  decision: RecordedDecision | null;
  /** The meeting's minutes are published: a change needs a correction note. */
  correcting: boolean;
  /** Who an action can be for, besides the secretariat. */
  organisations: Organisation[];
  people: Member[];
}

export type RecordOutcome =
  | { kind: 'saved'; decision: RecordedDecision; item: AgendaItem; committee: Committee; meeting: Meeting; corrected: boolean }
  /** Someone changed the decision after the form was opened: nothing was saved. */
  | { kind: 'conflict'; view: DecisionFormView };

/** The outcome to preselect: what is recorded, else what the item's kind usually ends in. */
export function suggestedOutcome(section: SectionKind, decision: { outcome: DecisionOutcome } | null): DecisionOutcome | 'auto' {
  if (decision) return decision.outcome;
  return section === 'decision' ? 'auto' : section === 'upcoming' ? 'discussed' : 'noted';
}

/**
 * The decision to record from the form: the outcome chosen, or (left to the text) what the
 * text says; without a text, the committee's standard sentence for the outcome.
 */
export function decisionDraft(form: DecisionForm, committeeName: string): DecisionDraft {
  const text = form.text.trim();
  const outcome = form.outcome === 'auto' ? outcomeFromMinutes(text) : form.outcome;
  return { outcome, text: text || standardReferat(outcome, committeeName), actions: form.actions };
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function validDay(day: string): boolean {
  const m = ISO_DAY.exec(day);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === day;
}

/** The decision form as filled in: the outcome may be left to the text ("auto"). */
export interface DecisionForm {
  outcome: DecisionOutcome | 'auto';
  text: string;
  actions: ActionDraft[];
}

/** Every problem with the form's content (trimmed), each naming the limit it broke. */
export function checkDecision(form: DecisionForm, correction: string | null, correcting: boolean): DecisionProblem[] {
  const problems: DecisionProblem[] = [];
  const draft = form;
  if (draft.text.trim().length > DECISION_LIMITS.text) problems.push({ field: 'text', problem: 'too_long', limit: DECISION_LIMITS.text });
  // Without a text the outcome must be chosen: its standard sentence is then the Referat.
  if (!draft.text.trim() && form.outcome === 'auto') problems.push({ field: 'text', problem: 'empty' });
  if (draft.actions.length > DECISION_LIMITS.actions) problems.push({ field: 'actions', problem: 'too_many', limit: DECISION_LIMITS.actions });
  if (draft.actions.some((a) => a.what.trim().length > DECISION_LIMITS.what)) problems.push({ field: 'what', problem: 'too_long', limit: DECISION_LIMITS.what });
  if (draft.actions.some((a) => a.dueOn !== null && !validDay(a.dueOn))) problems.push({ field: 'due', problem: 'invalid' });
  if (correcting && !correction?.trim()) problems.push({ field: 'correction', problem: 'empty' });
  if ((correction?.trim().length ?? 0) > DECISION_LIMITS.correction) problems.push({ field: 'correction', problem: 'too_long', limit: DECISION_LIMITS.correction });
  return problems;
}

/** The first moment of the day after `now`'s day in the committee's time zone. */
function endOfToday(now: Date, timeZone: string): Date {
  const next = addDays(toLocal(now, timeZone), 1);
  return fromLocal({ ...next, hour: 0, minute: 0, second: 0 }, timeZone);
}

export interface DecisionServiceDeps {
  committees: CommitteeService;
  agenda: AgendaRepository;
  decisions: DecisionRepository;
  minutes: Pick<MinutesRepository, 'find' | 'latestWithItems'>;
  memberships: Pick<MembershipRepository, 'list'>;
  organisations: Pick<InputRequestRepository, 'organisations'>;
  meetings: { findById(id: string): Promise<Meeting | null> };
  /** Issues published minutes again with their new corrections (MinutesService.reissue): a corrected Referat goes out at once, from either door. */
  minutesIssue: { reissue(meetingId: string): Promise<boolean> };
  clock: Clock;
}

export class DecisionService {
  constructor(private readonly deps: DecisionServiceDeps) {}

  /** The meeting whose Referat is being written: the latest with an agenda that starts today or has started. */
  recordingMeeting(committee: Committee): Promise<Meeting | null> {
    return this.deps.minutes.latestWithItems(committee.id, endOfToday(this.deps.clock.now(), committee.timeZone));
  }

  /** "referat punkt 1.2": the decision form for that item of the meeting being recorded (secretariat only). */
  async formByNumber(committee: Committee, actor: Actor, number: string): Promise<DecisionFormView> {
    await this.deps.committees.requireRole(committee, actor, ['secretariat']);
    const meeting = await this.recordingMeeting(committee);
    if (!meeting) throw new DomainError('no_agenda', committee.slug);
    const agenda = await this.deps.agenda.loadAgenda(meeting.id);
    const item = agenda?.items.find((i) => i.number === number && i.status !== 'withdrawn');
    if (!item) throw new DomainError('invalid_input', `no item ${number} on ${meeting.id}`);
    return this.view(committee, meeting, item);
  }

  /** The decision form for an item named by a button (secretariat of its committee only). */
  async form(actor: Actor, itemId: string): Promise<DecisionFormView> {
    const { item, meeting, committee } = await this.itemOf(itemId, actor);
    return this.view(committee, meeting, item);
  }

  /**
   * Records the decision from the form (secretariat only). Nothing is saved when the
   * decision was changed since the form was opened at `version`; the same content saved
   * twice is one change each time only in its version, never in its actions. When the
   * Referat would show on the item's card in the channel (or, as a correction, in the
   * minutes issued again), CPR-like numbers in it need `cprConfirmed`, its fingerprint as checked.
   */
  async record(
    actor: Actor,
    input: { itemId: string; version: number; draft: DecisionDraft; correction: string | null },
    correlationId?: string,
    cprConfirmed: string | null = null,
  ): Promise<RecordOutcome> {
    const { item, meeting, committee, member } = await this.itemOf(input.itemId, actor);
    const draft = await this.cleanDraft(committee, input.draft);
    const correction = input.correction?.trim() || null;
    // Only where the Referat leaves: on the item's card in the channel, or in minutes issued again.
    const leaves = Boolean(item.cardActivityId || correction);
    const texts = [
      { where: `${item.number} · referat`, text: draft.text },
      { where: `${item.number} · opfølgning`, text: draft.actions.map((a) => a.what).join('\n') },
      { where: `${item.number} · rettelse`, text: correction },
    ];
    const cpr = leaves ? guardCpr(texts, cprConfirmed, item.id) : null;
    const saved = await this.deps.decisions.record({
      itemId: item.id,
      committeeId: committee.id,
      version: input.version,
      draft,
      actorPersonId: member.personId,
      at: this.deps.clock.now(),
      correction,
      audit: {
        committeeId: committee.id,
        actorPersonId: member.personId,
        action: correction ? 'decision.corrected' : input.version ? 'decision.changed' : 'decision.recorded',
        subjectType: 'agenda_item',
        subjectId: item.id,
        data: { actorName: actor.name, number: item.number, outcome: draft.outcome, actions: draft.actions.length, correction, ...(cpr?.findings.length ? { cprFindings: cpr.findings.length, confirmedCpr: true } : {}) },
        correlationId: correlationId ?? null,
      },
    });
    if (!saved) return { kind: 'conflict', view: await this.view(committee, meeting, item) };
    // A correction is issued at once; were this interrupted, the reissue job issues it later.
    if (correction) await this.deps.minutesIssue.reissue(meeting.id);
    const fresh = (await this.deps.agenda.findItem(item.id)) ?? item;
    return { kind: 'saved', decision: saved, item: fresh, committee, meeting, corrected: Boolean(correction) };
  }

  /** "beslutninger <søgeord>": the committee's decisions that match, newest first; the latest when no words are given (members). */
  async search(committee: Committee, actor: Actor, words: string): Promise<{ committee: Committee; words: string; hits: readonly DecisionHit[]; total: number }> {
    await this.deps.committees.requireMember(committee, actor);
    const query = words.trim().slice(0, DECISION_LIMITS.search);
    const found = query ? await this.deps.decisions.search(committee.id, query, SEARCH_LIMIT) : await this.deps.decisions.latest(committee.id, SEARCH_LIMIT);
    return { committee, words: query, ...found };
  }

  private async itemOf(itemId: string, actor: Actor): Promise<{ item: AgendaItem; meeting: Meeting; committee: Committee; member: Member }> {
    const item = await this.deps.agenda.findItem(itemId);
    const meeting = item && (await this.deps.meetings.findById(item.meetingId));
    if (!item || !meeting) throw new DomainError('not_found', `no item ${itemId}`);
    const { committee, member } = await this.deps.committees.getForRole(meeting.committeeId, actor, ['secretariat']);
    if (item.status === 'withdrawn') throw new DomainError('item_closed', `${item.number} is withdrawn`);
    return { item, meeting, committee, member };
  }

  private async view(committee: Committee, meeting: Meeting, item: AgendaItem): Promise<DecisionFormView> {
    const [decision, minutes, organisations, members] = await Promise.all([
      this.deps.decisions.find(item.id),
      this.deps.minutes.find(meeting.id),
      this.deps.organisations.organisations(committee.id),
      this.deps.memberships.list(committee.id),
    ]);
    return {
      committee,
      meeting,
      item,
      decision,
      correcting: Boolean(minutes && minutes.status !== 'draft'),
      organisations,
      people: members.filter((m) => m.role !== 'observer'),
    };
  }

  /** The form's content as stored: trimmed, empty actions dropped, owners that belong to the committee. */
  private async cleanDraft(committee: Committee, draft: DecisionDraft): Promise<DecisionDraft> {
    const [organisations, members] = await Promise.all([this.deps.organisations.organisations(committee.id), this.deps.memberships.list(committee.id)]);
    const known = (a: ActionDraft) =>
      a.owner.kind === 'secretariat' ||
      (a.owner.kind === 'organisation' && organisations.some((o) => o.id === (a.owner as { organisationId: string }).organisationId)) ||
      (a.owner.kind === 'person' && members.some((m) => m.personId === (a.owner as { personId: string }).personId));
    const actions = draft.actions.map((a) => ({ ...a, what: a.what.replace(/\s+/g, ' ').trim() })).filter((a) => a.what);
    // Card data names the owner; that it is one of the committee's is checked here, never trusted.
    if (actions.some((a) => !known(a))) throw new DomainError('invalid_input', 'action owner outside the committee');
    return { outcome: draft.outcome, text: draft.text.replace(/\r\n?/g, '\n').trim(), actions };
  }
}
