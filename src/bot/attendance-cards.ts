// The cards a member answers their attendance on, as the clicker sees them and as
// everyone in a channel sees them: the next-meeting card of a meeting, and their digest.
import { digestCard } from '../cards/digest.card';
import { nextMeetingCard } from '../cards/next-meeting.card';
import type { AdaptiveCard } from '../cards/render';
import { attendanceOpen } from '../domain/attendance/attendance-rules';
import type { MyAttendance } from '../domain/attendance/attendance.service';
import { isDeadlinePassed, submissionDeadline } from '../domain/meetings/meeting-rules';
import type { NextMeeting } from '../domain/meetings/meeting.service';
import type { Committee, Meeting } from '../domain/shared/types';
import { messages } from '../i18n/messages';
import type { HandlerContext } from './handler';
import { staleNotice } from './stale-notice';

type Outcome = { text: string; good: boolean } | null;

/** A meeting as the next-meeting card shows it, with its deadline for topics. */
export function asNextMeeting(committee: Committee, meeting: Meeting, now: Date): NextMeeting {
  const deadline = submissionDeadline(meeting, committee.submissionDeadlineDays, committee.timeZone);
  return { meeting, deadline, deadlinePassed: isDeadlinePassed(deadline, now) };
}

/**
 * The next-meeting card of the meeting: the turn's actor's own (their answer, their
 * stand-in choice) or the one everyone in the conversation sees (no one's answer). Both
 * refresh to each viewer's own: in a personal chat the actor's, in a channel its members'.
 * Only the one asked for is built: the shared one is the same for everyone (and so
 * rendered once), the own one costs the actor's attendance and candidates.
 */
export async function meetingCard(h: HandlerContext, committee: Committee, meeting: Meeting, which: 'own' | 'shared', outcome: Outcome = null): Promise<AdaptiveCard> {
  const { services, turn } = h;
  const now = services.clock.now();
  const next = asNextMeeting(committee, meeting, now);
  const [status, refreshUserIds] = await Promise.all([
    services.calendar.status(committee),
    turn.scope.type === 'personal' ? Promise.resolve(turn.actor.teamsUserId ? [turn.actor.teamsUserId] : []) : services.agenda.viewers(committee),
  ]);
  const notice = staleNotice(status, turn.lang, committee.timeZone);
  const open = attendanceOpen(meeting, now, false);
  if (which === 'shared') return nextMeetingCard(committee, next, turn.lang, { prompt: { mine: null, open }, refreshUserIds }, notice);
  const view = await services.attendance.myViewIfMember(meeting.id, turn.actor);
  return nextMeetingCard(committee, next, turn.lang, { prompt: { mine: view ? ownView(view) : null, open: view?.open ?? open, outcome }, refreshUserIds }, notice);
}

/** The actor's digest of the meeting as it stands now, with what their click did. */
export async function digestCardFor(h: HandlerContext, meetingId: string, outcome: Outcome): Promise<AdaptiveCard> {
  const plan = await h.services.digests.digestFor(meetingId, h.turn.actor);
  return digestCard(plan, h.turn.lang, plan.personal[0] ?? null, outcome);
}

/** What the member's answer came to, in words. */
export function attendanceOutcome(view: MyAttendance, changed: boolean, lang: HandlerContext['turn']['lang']): { text: string; good: boolean } {
  const t = messages(lang).att.attendance;
  if (!changed) return { text: t.unchanged, good: true };
  const record = view.record;
  if (!record || record.attendance === 'attending') return { text: t.savedAttending, good: true };
  if (!record.standIn) return { text: t.savedAbsent, good: true };
  // A stand-in the bot cannot reach is said on the card itself.
  if (view.standInReachable === false) return { text: t.savedAbsent, good: true };
  return { text: `${t.savedAbsent} ${t.savedStandIn(record.standIn.name, view.meeting.status === 'agenda_published')}`, good: true };
}

function ownView(view: MyAttendance) {
  return { record: view.record, candidates: view.candidates, canNameStandIn: view.canNameStandIn, standInReachable: view.standInReachable, organisation: view.me.organisation?.name ?? null };
}
