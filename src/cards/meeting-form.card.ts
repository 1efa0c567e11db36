import template from '../../cards/meeting-form.json';
import type { CalendarStatus, MeetingDraft, MeetingProblem } from '../domain/calendar/calendar.service';
import type { Committee } from '../domain/shared/types';
import { toLocal } from '../domain/shared/zoned-time';
import { formatMeetingWhen } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { problemText } from './problem-text';
import { renderCard } from './render';

/** What the form shows after a click: what was typed, and what is wrong with it or what came of it. */
export interface MeetingFormInput {
  draft: MeetingDraft;
  problems: MeetingProblem[];
}

/** Lines under the form once the meeting is made: the first says so, the others where it is (Outlook or not). */
export type MeetingFormOutcome = Array<{ text: string; good: boolean }>;

const two = (n: number) => String(n).padStart(2, '0');

/** "nyt møde": date, time, place, room, online link, optional deadline; and where the committee's meetings come from. */
export function meetingFormCard(
  view: { committee: Committee; status: CalendarStatus },
  lang: Lang,
  input?: MeetingFormInput,
  outcome: MeetingFormOutcome = [],
) {
  const t = messages(lang);
  const c = t.cal;
  const { committee, status } = view;
  const tz = committee.timeZone;
  const draft = input?.draft;
  const dateOf = (d: Date | null | undefined) => {
    if (!d) return '';
    const l = toLocal(d, tz);
    return `${l.year}-${two(l.month)}-${two(l.day)}`;
  };
  const timeOf = (d: Date | null | undefined, fallback: string) => {
    if (!d) return fallback;
    const l = toLocal(d, tz);
    return `${two(l.hour)}:${two(l.minute)}`;
  };
  const source =
    status.source === 'outlook' ? (status.writes ? c.formOutlookWrites(status.mailbox!) : c.formOutlook(status.mailbox!)) : c.formLocal;
  return renderCard(template, {
    heading: c.formHeading(committee.name),
    title: c.formTitle,
    source,
    sourceStyle: status.source === 'outlook' && !status.writes ? 'warning' : 'emphasis',
    dateLabel: c.date,
    date: dateOf(draft?.startsAt),
    dateError: c.problems.date_empty,
    startLabel: c.start,
    start: timeOf(draft?.startsAt, '13:00'),
    timeError: c.timeMissing,
    endLabel: c.end,
    end: timeOf(draft?.endsAt, '15:00'),
    placeLabel: c.place,
    place: draft?.place ?? '',
    placePlaceholder: c.placePlaceholder,
    roomLabel: c.room,
    room: draft?.room ?? '',
    roomPlaceholder: c.roomPlaceholder,
    onlineLabel: c.onlineUrl,
    onlineUrl: draft?.onlineUrl ?? '',
    onlinePlaceholder: c.onlinePlaceholder,
    deadlineLabel: c.deadline,
    deadline: dateOf(draft?.submissionDeadline),
    deadlineHint: c.deadlineHint(committee.submissionDeadlineDays),
    problems: (input?.problems ?? []).map((p) => ({
      text:
        p.problem === 'overlap' && p.other
          ? c.overlap(formatMeetingWhen(p.other.startsAt, p.other.endsAt, lang, tz))
          : problemText(c.problems, p),
    })),
    outcome: outcome.map((o, i) => ({ text: o.text, weight: i === 0 ? 'Bolder' : 'Default', color: o.good ? 'Good' : i === 0 ? 'Default' : 'Warning' })),
    createLabel: c.create,
    committeeId: committee.id,
  });
}
