// A date poll's card as the clicker sees it and as everyone in the channel sees it, and
// the secretariat's form read into a proposal.
import { candidateIds, type DatePollFormInput } from '../cards/date-poll-form.card';
import { datePollCard } from '../cards/date-poll.card';
import type { AdaptiveCard } from '../cards/render';
import { POLL_LIMITS, type PollProblem } from '../domain/date-polls/date-poll-rules';
import type { DatePollView } from '../domain/date-polls/date-poll.service';
import { fromLocalText } from '../domain/shared/zoned-time';
import { langOf } from '../i18n/locale';
import type { HandlerContext } from './handler';
import type { DatePollDraft } from '../domain/date-polls/types';

/** The poll card for the clicker (their answers, the secretariat's close form) and, unless not wanted, the channel's. */
export async function pollCards(h: HandlerContext, view: DatePollView, note: { text: string; good: boolean } | null, withShared = false): Promise<{ personal: AdaptiveCard; shared: AdaptiveCard | null }> {
  const { services, turn } = h;
  const viewers = await services.agenda.viewers(view.committee);
  const mine = turn.actor.teamsUserId ? [turn.actor.teamsUserId] : [];
  const personal = datePollCard(view, turn.lang, { refreshUserIds: turn.scope.type === 'personal' ? mine : viewers, note });
  if (!withShared) return { personal, shared: null };
  const everyone = await services.datePolls.view(view.poll.id, null);
  return { personal, shared: datePollCard(everyone, langOf(view.committee.locale), { refreshUserIds: viewers }) };
}

/** The form's fields as typed (for showing it again), from the card's data. */
export function formInput(data: Record<string, unknown>): DatePollFormInput {
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
  return {
    title: text('title'),
    place: text('place'),
    deadlineDate: text('deadlineDate'),
    deadlineTime: text('deadlineTime'),
    groups: Array.from({ length: POLL_LIMITS.groups }, (_, g) =>
      Array.from({ length: POLL_LIMITS.candidatesMax }, (_, c) => {
        const ids = candidateIds(g, c);
        return { date: text(ids.date).trim(), start: text(ids.start).trim(), end: text(ids.end).trim() };
      }),
    ),
  };
}

/**
 * The proposal the form holds, in the committee's time zone: meetings without dates are
 * left out; `formGroup` maps each meeting of the proposal back to its place on the form.
 * Null when a date or time is not one (the card's inputs only send well-formed ones).
 */
export function draftOf(form: DatePollFormInput, timeZone: string): { draft: DatePollDraft; formGroup: number[] } | null {
  const at = (date: string, time: string) => fromLocalText(date, time, timeZone);
  const formGroup: number[] = [];
  const groups: DatePollDraft['groups'] = [];
  for (const [g, candidates] of form.groups.entries()) {
    const dated = candidates.filter((c) => c.date);
    if (!dated.length) continue;
    const slots = dated.map((c) => ({ startsAt: at(c.date, c.start), endsAt: at(c.date, c.end) }));
    if (slots.some((s) => !s.startsAt || !s.endsAt)) return null;
    groups.push({ candidates: slots as Array<{ startsAt: Date; endsAt: Date }> });
    formGroup.push(g);
  }
  const deadline = form.deadlineDate ? at(form.deadlineDate, form.deadlineTime || '12:00') : null;
  if (form.deadlineDate && !deadline) return null;
  return { draft: { title: form.title, place: form.place || null, deadline, groups }, formGroup };
}

/** Problems about the proposal's meetings, named by their place on the form. */
export function onForm(problems: PollProblem[], formGroup: number[]): PollProblem[] {
  return problems.map((p) => (p.group === undefined ? p : { ...p, group: formGroup[p.group] ?? p.group }));
}
