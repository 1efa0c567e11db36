// The follow-up of what was agreed ("Sekretariatet undersøger …", "forelægges KD-Net den
// 7. juni"): "mine opgaver" lists a member's open actions and their organisation's, the
// owner marks one done from its card, an overdue one reminds its owners once, and the
// open ones stand on the next agenda under the item they came from.
import type { Clock } from '../shared/clock';
import type { CommitteeService } from '../committees/committee.service';
import { lettersTo } from '../delivery/delivery.service';
import { DomainError } from '../shared/errors';
import type { Actor, Committee, Member } from '../shared/types';
import { toLocal } from '../shared/zoned-time';
import type { ActionItem } from './types';
import type { MessageContent, Recipient } from '../delivery/types';
import type { CommitteeRepository } from '../committees/ports';
import type { ActionItemRepository } from './ports';

/** Reminders of overdue actions go out from this hour, committee time. */
const REMIND_FROM_HOUR = 8;

/** True when the action is the member's to do: theirs, their organisation's (not for observers), or the secretariat's when they are in it. */
export function concerns(member: Pick<Member, 'personId' | 'role' | 'organisation'>, action: Pick<ActionItem, 'owner'>): boolean {
  if (action.owner.kind === 'person') return action.owner.personId === member.personId;
  if (action.owner.kind === 'organisation') return member.role !== 'observer' && member.organisation?.id === action.owner.organisationId;
  return member.role === 'secretariat';
}

/** True when the member may mark the action done: one that concerns them, or any, for the secretariat. */
export function mayMarkDone(member: Pick<Member, 'personId' | 'role' | 'organisation'>, action: Pick<ActionItem, 'owner'>): boolean {
  return member.role === 'secretariat' || concerns(member, action);
}

/** The committee's day as YYYY-MM-DD. */
export function localDay(at: Date, timeZone: string): { day: string; hour: number } {
  const l = toLocal(at, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { day: `${l.year}-${pad(l.month)}-${pad(l.day)}`, hour: l.hour };
}

/** True when the action's last day is before `today` (YYYY-MM-DD). */
export function isOverdue(action: Pick<ActionItem, 'dueOn' | 'status'>, today: string): boolean {
  return action.status === 'open' && action.dueOn !== null && action.dueOn < today;
}

export interface ActionList {
  committee: Committee;
  me: Member;
  actions: ActionItem[];
  /** Every open action of the committee, not only the member's. */
  all: boolean;
  today: string;
}

export type DoneOutcome =
  | { kind: 'done'; action: ActionItem; committee: Committee; me: Member }
  /** Already done (by a click before, or by someone else): nothing changed. */
  | { kind: 'already'; action: ActionItem; committee: Committee; me: Member };

/** Builds what actions send (implemented by the bot: wording in the reader's language). */
export interface ActionLetters {
  /** The reminder of an overdue action, to one of those who may act for its owner. */
  overdue(action: ActionItem, committee: Committee, recipient: Recipient): MessageContent;
}

export interface ActionItemServiceDeps {
  committees: CommitteeService;
  committeeRepo: Pick<CommitteeRepository, 'findById'>;
  actions: ActionItemRepository;
  letters: ActionLetters;
  clock: Clock;
}

export class ActionItemService {
  constructor(private readonly deps: ActionItemServiceDeps) {}

  /** "mine opgaver": the member's open actions, their organisation's and (for the secretariat) the secretariat's; "alle opgaver": all of them. */
  async list(committee: Committee, actor: Actor, all = false): Promise<ActionList> {
    const me = await this.deps.committees.requireMember(committee, actor);
    const actions = await this.deps.actions.listOpen(
      committee.id,
      all ? 'all' : { personId: me.personId, organisationId: me.organisation?.id ?? null, secretariat: me.role === 'secretariat' },
    );
    return { committee, me, actions, all, today: localDay(this.deps.clock.now(), committee.timeZone).day };
  }

  /** Marks the action done, if the actor may (mayMarkDone); clicking again changes nothing. */
  async markDone(actor: Actor, actionId: string, correlationId?: string): Promise<DoneOutcome> {
    const action = await this.deps.actions.find(actionId);
    if (!action) throw new DomainError('not_found', `no action ${actionId}`);
    const { committee, member } = await this.deps.committees.getForMember(action.committeeId, actor);
    if (action.status !== 'open') return { kind: 'already', action, committee, me: member };
    if (!mayMarkDone(member, action)) throw new DomainError('not_action_owner', actionId);
    const changed = await this.deps.actions.markDone(action.id, member.personId, this.deps.clock.now(), {
      committeeId: committee.id,
      actorPersonId: member.personId,
      action: 'action.done',
      subjectType: 'action_item',
      subjectId: action.id,
      data: { actorName: actor.name, what: action.what },
      correlationId: correlationId ?? null,
    });
    const fresh = (await this.deps.actions.find(action.id)) ?? action;
    return { kind: changed ? 'done' : 'already', action: fresh, committee, me: member };
  }

  /** The open actions agreed before the meeting, for its agenda ("Opfølgning"). */
  openBefore(committeeId: string, meetingStartsAt: Date): Promise<ActionItem[]> {
    return this.deps.actions.openBefore(committeeId, meetingStartsAt);
  }

  /**
   * Reminds the owners of every action whose last day has passed (from 08:00 the day
   * after, committee time), once per action: the reminder and the mark are one write.
   * Returns how many actions were reminded.
   */
  async remindOverdue(): Promise<number> {
    const now = this.deps.clock.now();
    // Every committee's day has begun by UTC's next day; each action is then judged in its committee's time.
    const tomorrowUtc = new Date(now.getTime() + 24 * 3600 * 1000).toISOString().slice(0, 10);
    const committees = new Map<string, Committee | null>();
    let reminded = 0;
    for (const action of await this.deps.actions.overdue(tomorrowUtc)) {
      if (!committees.has(action.committeeId)) committees.set(action.committeeId, await this.deps.committeeRepo.findById(action.committeeId));
      const committee = committees.get(action.committeeId);
      if (!committee) continue;
      const { day, hour } = localDay(now, committee.timeZone);
      if (!isOverdue(action, day) || hour < REMIND_FROM_HOUR) continue;
      const owners = await this.deps.actions.ownersOf(committee.id, action);
      const letters = lettersTo(owners, committee, { kind: 'action-overdue', subjectId: action.id }, (r) => this.deps.letters.overdue(action, committee, r));
      if (await this.deps.actions.markReminded(action.id, now, letters)) reminded += 1;
    }
    return reminded;
  }
}
