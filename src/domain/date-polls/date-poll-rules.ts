// The rules of a date poll with no storage: what a proposal must hold, which candidate
// is best, until when answers are taken and when non-responders are reminded.
import { addDays, fromLocal, toLocal } from '../shared/zoned-time';
import type { DatePoll, DatePollCandidate, DatePollDraft } from './types';

export const POLL_LIMITS = { title: 200, place: 200, groups: 6, candidatesMin: 2, candidatesMax: 4 } as const;

/** Non-responders are reminded this many days before the deadline, at 08:00 committee time. */
export const POLL_REMINDER_DAYS = 2;
const REMINDER_HOUR = 8;

/** Something wrong with the proposal; `group` (0-based) names the meeting it is about. */
export interface PollProblem {
  field: 'title' | 'place' | 'groups' | 'candidates' | 'deadline';
  problem: 'empty' | 'too_long' | 'too_few' | 'too_many' | 'past' | 'order' | 'duplicate' | 'after_candidates';
  group?: number;
  limit?: number;
}

/** Every problem with the proposal (empty when it is fine). */
export function checkPollDraft(draft: DatePollDraft, now: Date): PollProblem[] {
  const problems: PollProblem[] = [];
  const title = draft.title.trim();
  if (!title) problems.push({ field: 'title', problem: 'empty' });
  else if (title.length > POLL_LIMITS.title) problems.push({ field: 'title', problem: 'too_long', limit: POLL_LIMITS.title });
  if ((draft.place ?? '').trim().length > POLL_LIMITS.place) problems.push({ field: 'place', problem: 'too_long', limit: POLL_LIMITS.place });
  if (!draft.groups.length) problems.push({ field: 'groups', problem: 'empty' });
  if (draft.groups.length > POLL_LIMITS.groups) problems.push({ field: 'groups', problem: 'too_many', limit: POLL_LIMITS.groups });
  draft.groups.forEach((g, group) => {
    const n = g.candidates.length;
    if (n < POLL_LIMITS.candidatesMin) problems.push({ field: 'candidates', problem: 'too_few', group, limit: POLL_LIMITS.candidatesMin });
    if (n > POLL_LIMITS.candidatesMax) problems.push({ field: 'candidates', problem: 'too_many', group, limit: POLL_LIMITS.candidatesMax });
    if (g.candidates.some((c) => !(c.endsAt.getTime() > c.startsAt.getTime()))) problems.push({ field: 'candidates', problem: 'order', group });
    else if (g.candidates.some((c) => c.startsAt.getTime() <= now.getTime())) problems.push({ field: 'candidates', problem: 'past', group });
    if (new Set(g.candidates.map((c) => c.startsAt.getTime())).size < n) problems.push({ field: 'candidates', problem: 'duplicate', group });
  });
  if (draft.deadline) {
    const first = Math.min(...draft.groups.flatMap((g) => g.candidates.map((c) => c.startsAt.getTime())));
    if (draft.deadline.getTime() <= now.getTime()) problems.push({ field: 'deadline', problem: 'past' });
    else if (draft.deadline.getTime() >= first) problems.push({ field: 'deadline', problem: 'after_candidates' });
  }
  return problems;
}

/**
 * The best candidate of a meeting: the most "passer" and "passer helst" together; on a
 * tie the fewest "passer ikke", then the most "passer helst", then the earliest.
 */
export function bestCandidate(candidates: readonly DatePollCandidate[]): DatePollCandidate | null {
  const can = (c: DatePollCandidate) => c.tally.yes + c.tally.preferred;
  return (
    [...candidates].sort(
      (a, b) => can(b) - can(a) || a.tally.no - b.tally.no || b.tally.preferred - a.tally.preferred || a.startsAt.getTime() - b.startsAt.getTime(),
    )[0] ?? null
  );
}

/** True while the poll takes answers: open, and its deadline (if any) not passed. */
export function pollTakesAnswers(poll: Pick<DatePoll, 'status' | 'deadline'>, now: Date): boolean {
  return poll.status === 'open' && (!poll.deadline || poll.deadline.getTime() > now.getTime());
}

/**
 * When non-responders are reminded: two days before the deadline's day at 08:00; null
 * without a deadline, or when that moment came before the poll was sent (it is reminder enough).
 */
export function pollReminderAt(poll: Pick<DatePoll, 'deadline' | 'createdAt'>, timeZone: string): Date | null {
  if (!poll.deadline) return null;
  const day = addDays(toLocal(poll.deadline, timeZone), -POLL_REMINDER_DAYS);
  const at = fromLocal({ ...day, hour: REMINDER_HOUR, minute: 0 }, timeZone);
  return at.getTime() > poll.createdAt.getTime() ? at : null;
}
