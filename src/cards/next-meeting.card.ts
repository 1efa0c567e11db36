import template from '../../cards/next-meeting.json';
import type { NextMeeting } from '../domain/meetings/meeting.service';
import type { Committee, Meeting } from '../domain/shared/types';
import { formatDate, formatMeetingWhen, formatTimeSpan } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { capitalise } from './welcome.card';
import { attendancePrompt, type AttendancePromptView } from './attendance-prompt.card';
import { renderRefreshingCard, type AdaptiveCard } from './render';
import { deepFreeze } from '../domain/shared/deep-freeze';
import { BoundedMap } from '../domain/shared/bounded-map';

/** The attendance part of the next-meeting card, and who sees their own version of it. */
export interface NextMeetingAttendance {
  prompt: Omit<AttendancePromptView, 'from' | 'meeting' | 'timeZone'>;
  /** Teams user ids ("29:…") whose clients refresh the card to their own answer. */
  refreshUserIds: string[];
}

/** Place, room and online link as card facts ("Sted", "Lokale", "Online"); `online` is shown for the link. */
export function meetingFacts(
  meeting: Pick<Meeting, 'place' | 'room' | 'onlineUrl'>,
  lang: Lang,
  online?: string,
): Array<{ title: string; value: string }> {
  const t = messages(lang);
  const facts: Array<{ title: string; value: string }> = [];
  if (meeting.place) facts.push({ title: t.place, value: meeting.place });
  if (meeting.room) facts.push({ title: t.room, value: meeting.room });
  if (meeting.onlineUrl) facts.push({ title: t.online, value: online ?? meeting.onlineUrl });
  return facts;
}

/** One line for notifications and screen readers: "tirsdag den 11. august 2026 kl. 11.00–13.00 · Silkeborg Rådhus · Punkter …". */
export function nextMeetingSummary(committee: Committee, next: NextMeeting, lang: Lang): string {
  // Asked on every "næste møde" turn: formatted once per meeting, deadline and language.
  const key = JSON.stringify([committee.timeZone, next, lang]);
  const known = summaries.get(key);
  if (known !== undefined) return known;
  const summary = writeSummary(committee, next, lang);
  summaries.set(key, summary);
  return summary;
}

function writeSummary(committee: Committee, next: NextMeeting, lang: Lang): string {
  const t = messages(lang);
  const { meeting } = next;
  const tz = committee.timeZone;
  const where = meeting.place ?? (meeting.onlineUrl ? t.online : null);
  const deadlineText = (next.deadlinePassed ? t.deadlinePassed : t.deadlineOpen)(formatDate(next.deadline, lang, tz));
  return [formatMeetingWhen(meeting.startsAt, meeting.endsAt, lang, tz), where, deadlineText]
    .filter(Boolean)
    .join(' · ');
}

/**
 * The next meeting: committee, weekday and date, time span, place and room or online link,
 * deadline; with `attendance`, the viewer's answer and the buttons to give it; `notice`: a
 * line under it (when the dates were last read from Outlook, if long ago).
 */
export function nextMeetingCard(committee: Committee, next: NextMeeting, lang: Lang, attendance: NextMeetingAttendance | null = null, notice = ''): AdaptiveCard {
  // A pure function of its arguments: kept by all of them but the refresh's user list (set
  // on a copy, as renderRefreshingCard does), so the card everyone in a channel sees, and a
  // member's own with the same answer, is formatted and expanded once, not on every turn.
  const userIds = attendance?.refreshUserIds ?? [];
  const key = JSON.stringify([committee, next, lang, attendance && attendance.prompt, userIds.length > 0, notice]);
  let card = nextMeetingCards.recent(key);
  if (!card) {
    card = deepFreeze(buildNextMeetingCard(committee, next, lang, attendance && { ...attendance, refreshUserIds: userIds.length ? REFRESH_USERS : [] }, notice));
    nextMeetingCards.set(key, card);
  }
  if (!userIds.length || !card.refresh) return card;
  return { ...card, refresh: { ...(card.refresh as object), userIds: [...userIds] } };
}

const NEXT_MEETING_CARDS = 256;
/** Next-meeting cards by everything they show but the refresh's users, newest last. */
const nextMeetingCards = new BoundedMap<string, AdaptiveCard>(NEXT_MEETING_CARDS);
/** The one-line summaries, by zone, meeting and language. */
const summaries = new BoundedMap<string, string>(NEXT_MEETING_CARDS);
/** Stands in for the refresh's users while the kept card is built (never sent: replaced on the copy). */
const REFRESH_USERS = ['29:refresh-users'];

function buildNextMeetingCard(committee: Committee, next: NextMeeting, lang: Lang, attendance: NextMeetingAttendance | null, notice: string): AdaptiveCard {
  const t = messages(lang);
  const { meeting } = next;
  const tz = committee.timeZone;
  const facts = meetingFacts(meeting, lang, t.joinOnline);
  if (!facts.length) facts.push({ title: t.place, value: t.noPlace });
  const deadlineDate = formatDate(next.deadline, lang, tz);
  const card = renderRefreshingCard(template, {
    heading: `${t.nextMeetingTitle} · ${meeting.title ?? committee.name}`.toUpperCase(),
    date: capitalise(formatDate(meeting.startsAt, lang, tz)),
    time: formatTimeSpan(meeting.startsAt, meeting.endsAt, lang, tz),
    facts,
    deadline: (next.deadlinePassed ? t.deadlinePassed : t.deadlineOpen)(deadlineDate),
    deadlineStyle: next.deadlinePassed ? 'attention' : 'good',
    onlineUrl: meeting.onlineUrl,
    joinLabel: t.joinOnline,
    submitLabel: t.sub.submitButton,
    committeeId: committee.id,
    summary: nextMeetingSummary(committee, next, lang),
    notice,
    meetingId: meeting.id,
    refreshUserIds: attendance?.refreshUserIds ?? [],
    refreshLabel: t.refreshLabel,
  });
  if (attendance) {
    card.body = [...(card.body ?? []), ...attendancePrompt({ ...attendance.prompt, meeting, timeZone: tz, from: 'meeting' }, lang)];
  }
  return card;
}
