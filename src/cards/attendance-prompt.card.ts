import template from '../../cards/attendance-prompt.json';
import type { MyAttendance } from '../domain/attendance/attendance.service';
import { inert } from '../domain/shared/inert-text';
import type { Meeting } from '../domain/shared/types';
import { formatDate } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { renderCard } from './render';

/** The stand-in choice meaning "nobody": a choice set cannot send an empty value reliably. */
export const NO_STAND_IN = 'none';

/** What the attendance part of a card shows. */
export interface AttendancePromptView {
  meeting: Pick<Meeting, 'id' | 'startsAt' | 'status'>;
  timeZone: string;
  /** The viewer's own answer and choices; null on the card everyone in a channel sees. */
  mine: (Pick<MyAttendance, 'record' | 'candidates' | 'canNameStandIn' | 'standInReachable'> & { organisation: string | null }) | null;
  /** Answers are taken. */
  open: boolean;
  /** The card the answer comes back on. */
  from: 'meeting' | 'digest';
  /** What just happened. */
  outcome?: { text: string; good: boolean } | null;
}

/**
 * The attendance part of a card (the next meeting's, a digest's): the viewer's answer and
 * the buttons "Jeg deltager" and "Jeg melder afbud" (with the stand-in and a note), as body
 * elements to put in that card, buttons and all (the card's own actions stay its own row).
 * On the shared card the apology is one click; the stand-in is chosen on the member's own card.
 */
export function attendancePrompt(view: AttendancePromptView, lang: Lang): unknown[] {
  const t = messages(lang).att.attendance;
  const { mine, open } = view;
  const record = mine?.record ?? null;
  const lines: Array<{ text: string; weight: string; color: string }> = [];
  if (!mine) lines.push({ text: open ? t.statusShared : t.statusClosed, weight: 'Default', color: 'Default' });
  else if (!record) lines.push({ text: open ? t.statusNone : view.meeting.status === 'cancelled' ? t.statusCancelled : t.statusClosed, weight: 'Default', color: 'Default' });
  else if (record.attendance === 'attending') lines.push({ text: t.statusAttending, weight: 'Bolder', color: 'Good' });
  else {
    lines.push({ text: t.statusAbsent, weight: 'Bolder', color: 'Default' });
    if (record.standIn) lines.push({ text: t.statusStandIn(record.standIn.name), weight: 'Default', color: 'Default' });
    if (record.standIn && mine.standInReachable === false) lines.push({ text: t.standInUnreachable(record.standIn.name), weight: 'Default', color: 'Attention' });
  }
  if (record?.note) lines.push({ text: t.statusNote(inert(record.note)), weight: 'Default', color: 'Default' });
  if (mine && record && !open) lines.push({ text: view.meeting.status === 'cancelled' ? t.statusCancelled : t.statusClosed, weight: 'Default', color: 'Default' });
  const standInValue = record?.attendance === 'absent' && record.standIn ? record.standIn.personId : (mine?.candidates.find((c) => c.standing)?.personId ?? NO_STAND_IN);
  const hasCandidates = Boolean(mine?.canNameStandIn && mine.candidates.length);
  const card = renderCard(template, {
    heading: view.from === 'digest' ? t.heading : '',
    style: record?.attendance === 'attending' ? 'good' : 'emphasis',
    lines,
    outcome: view.outcome?.text ?? '',
    outcomeColor: view.outcome && !view.outcome.good ? 'Attention' : 'Good',
    open,
    personal: Boolean(mine),
    meetingId: view.meeting.id,
    from: view.from,
    attendLabel: t.attend,
    attendStyle: record?.attendance === 'attending' ? 'positive' : 'default',
    absentLabel: record?.attendance === 'absent' ? t.changeAbsent : t.absent,
    absentStyle: record?.attendance === 'absent' ? 'positive' : 'default',
    absentIntro: [t.absentIntro(formatDate(view.meeting.startsAt, lang, view.timeZone)), hasCandidates && mine?.organisation ? t.absentStandInIntro(mine.organisation) : '']
      .filter(Boolean)
      .join(' '),
    hasCandidates,
    standInLabel: t.standInLabel,
    standInValue,
    candidates: [
      { title: t.noStandIn, value: NO_STAND_IN },
      ...(mine?.candidates ?? []).map((c) => ({ title: c.standing ? t.standingMark(c.name) : c.name, value: c.personId })),
    ],
    keepLabel: t.keepStanding,
    noCandidates: mine?.canNameStandIn && !mine.candidates.length && mine.organisation ? t.noCandidates(mine.organisation) : '',
    noteLabel: t.noteLabel,
    notePlaceholder: t.notePlaceholder,
    noteValue: record?.note ?? '',
    absentConfirm: record?.attendance === 'absent' ? t.absentSave : t.absentConfirm,
  });
  return card.body ?? [];
}
