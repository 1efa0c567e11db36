import template from '../../cards/date-poll-form.json';
import { POLL_LIMITS, type PollProblem } from '../domain/date-polls/date-poll-rules';
import type { Committee } from '../domain/shared/types';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { problemText } from './problem-text';
import { renderCard } from './render';

/** The form as typed: what comes back with the problems, so nothing typed is lost. */
export interface DatePollFormInput {
  title: string;
  place: string;
  deadlineDate: string;
  deadlineTime: string;
  /** Per meeting, per candidate: "2027-01-18", "09:00", "11:00" ("" when left empty). */
  groups: Array<Array<{ date: string; start: string; end: string }>>;
}

/** The input ids of the form's fields for candidate `c` of meeting `g` (0-based). */
export const candidateIds = (g: number, c: number) => ({ date: `g${g + 1}c${c + 1}d`, start: `g${g + 1}c${c + 1}s`, end: `g${g + 1}c${c + 1}e` });

const DEFAULT_TIMES = { start: '09:00', end: '11:00' };

/** A problem with the proposal in words; one about a meeting names it ("Andet møde: …"). */
export function pollProblemText(p: PollProblem, lang: Lang): string {
  const t = messages(lang).att.polls;
  const text = problemText(t.problems, p);
  return p.group === undefined ? text : `${t.groups[p.group]}: ${text}`;
}

/**
 * The secretariat's form for a date poll: title, place, optional deadline, and for up to
 * six meetings two to four candidate dates with times; meetings after the first are
 * opened one at a time ("Andet møde").
 */
export function datePollFormCard(view: { committee: Committee }, lang: Lang, input?: { form: DatePollFormInput; problems: PollProblem[] }) {
  const t = messages(lang).att.polls;
  const form = input?.form;
  const used = (g: number) => Boolean(form?.groups[g]?.some((c) => c.date));
  return renderCard(template, {
    heading: t.formHeading(view.committee.name),
    title: t.formTitle,
    intro: t.formIntro,
    titleLabel: t.title,
    pollTitle: form?.title ?? '',
    titlePlaceholder: t.titlePlaceholder,
    titleError: t.problems.title_empty,
    placeLabel: t.place,
    place: form?.place ?? '',
    placePlaceholder: t.placePlaceholder,
    deadlineLabel: t.deadline,
    deadlineDate: form?.deadlineDate ?? '',
    deadlineTimeLabel: t.deadlineTime,
    deadlineTime: form?.deadlineTime || '12:00',
    groups: Array.from({ length: POLL_LIMITS.groups }, (_, g) => ({
      id: `group-${g + 1}`,
      // The first meeting is always shown, later ones once asked for (or when they hold dates).
      visible: g === 0 || used(g),
      label: t.groups[g],
      candidates: Array.from({ length: POLL_LIMITS.candidatesMax }, (_, c) => {
        const typed = form?.groups[g]?.[c];
        const ids = candidateIds(g, c);
        return {
          dateId: ids.date,
          startId: ids.start,
          endId: ids.end,
          dateLabel: t.candidate(c + 1),
          startLabel: t.from,
          endLabel: t.to,
          date: typed?.date ?? '',
          start: typed?.start || DEFAULT_TIMES.start,
          end: typed?.end || DEFAULT_TIMES.end,
        };
      }),
      next: g + 1 < POLL_LIMITS.groups ? `group-${g + 2}` : '',
      nextLabel: g + 1 < POLL_LIMITS.groups ? `+ ${t.groups[g + 1]}` : '',
    })),
    problems: (input?.problems ?? []).map((p) => ({ text: pollProblemText(p, lang) })),
    sendLabel: t.send,
    committeeId: view.committee.id,
  });
}
