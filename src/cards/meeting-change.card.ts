import template from '../../cards/meeting-change.json';
import type { MeetingChange } from '../domain/calendar/calendar-sync-plan';
import type { Committee, Meeting } from '../domain/shared/types';
import { formatDate, formatMeetingWhen, formatTimeSpan } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { meetingFacts } from './next-meeting.card';
import { renderCard } from './render';
import { capitalise } from './welcome.card';

/** "tirsdag den 14. januar 2027 kl. 13.00–15.00, Viborg Rådhus, Mødelokale M5" (the place only when `withPlace`). */
function whenAndWhere(meeting: Meeting, lang: Lang, timeZone: string, withPlace = true): string {
  const where = withPlace ? [meeting.place, meeting.room] : [];
  return [formatMeetingWhen(meeting.startsAt, meeting.endsAt, lang, timeZone), ...where].filter(Boolean).join(', ');
}

/** The channel's notice of a meeting the calendar moved, cancelled or brought back: the new time and place, and the old. */
export function meetingChangeCard(committee: Committee, change: MeetingChange, lang: Lang) {
  const t = messages(lang);
  const c = t.cal;
  const tz = committee.timeZone;
  const { before, after, kind } = change;
  const name = committee.name;
  const when = formatMeetingWhen(after.startsAt, after.endsAt, lang, tz);
  const heading = { moved: c.movedHeading, cancelled: c.cancelledHeading, restored: c.restoredHeading }[kind](name);
  const summary = { moved: c.movedSummary, cancelled: c.cancelledSummary, restored: c.restoredSummary }[kind](when);
  const cancelled = kind === 'cancelled';
  // What it was, with the place only when the place is what changed.
  const placeChanged = before.place !== after.place || before.room !== after.room;
  const previous = kind === 'moved' ? whenAndWhere(before, lang, tz, placeChanged) : '';
  return renderCard(template, {
    heading,
    headingColor: cancelled ? 'Attention' : 'Accent',
    date: capitalise(formatDate(after.startsAt, lang, tz)),
    time: formatTimeSpan(after.startsAt, after.endsAt, lang, tz),
    facts: cancelled ? [] : meetingFacts(after, lang, t.joinOnline),
    cancelled: cancelled ? c.cancelledText(when) : '',
    before: previous && previous !== whenAndWhere(after, lang, tz, placeChanged) ? c.before(previous) : '',
    footer: c.changedInOutlook,
    onlineUrl: !cancelled && after.onlineUrl ? after.onlineUrl : '',
    joinLabel: t.joinOnline,
    summary,
  });
}

/** The notification line of the notice. */
export function meetingChangeSummary(committee: Committee, change: MeetingChange, lang: Lang): string {
  const c = messages(lang).cal;
  const when = formatMeetingWhen(change.after.startsAt, change.after.endsAt, lang, committee.timeZone);
  return `${committee.name}: ${{ moved: c.movedSummary, cancelled: c.cancelledSummary, restored: c.restoredSummary }[change.kind](when)}`;
}
