// The cards a member answers their attendance on, as the clicker sees them and as
// everyone in a channel sees them: the next-meeting card of a meeting, and their digest.
import { digestCard } from '../cards/digest.card';
import { nextMeetingCard } from '../cards/next-meeting.card';
import type { AdaptiveCard } from '../cards/render';
import { attendanceOpen } from '../domain/attendance-rules';
import type { MyAttendance } from '../domain/attendance.service';
import { isDeadlinePassed, submissionDeadline } from '../domain/meeting-rules';
import type { NextMeeting } from '../domain/meeting.service';
import type { Committee, Meeting } from '../domain/types';
import { messages } from '../i18n/messages';
import type { HandlerContext } from './handler';

type Outcome = { text: string; good: boolean } | null;

/** A meeting as the next-meeting card shows it, with its deadline for topics. */
export function asNextMeeting(committee: Committee, meeting: Meeting, now: Date): NextMeeting {
  const deadline = submissionDeadline(meeting, committee.submissionDeadlineDays, committee.timeZone);
  return { meeting, deadline, deadlinePassed: isDeadlinePassed(deadline, now) };
}

/**
 * The next-meeting card of the meeting for the turn's actor (their answer, their stand-in
 * choice), and the one everyone in the conversation sees (no one's answer). Both refresh
 * to each viewer's own: in a personal chat the actor's, in a channel its members'.
 */
export async function meetingCards(
  h: HandlerContext,
  committee: Committee,
  meeting: Meeting,
  outcome: Outcome = null,
  /** A line under the meeting (how old the dates from Outlook are). */
  notice = '',
): Promise<{ personal: AdaptiveCard; shared: AdaptiveCard }> {
  const { services, turn } = h;
  const now = services.clock.now();
  const next = asNextMeeting(committee, meeting, now);
  const view = await services.attendance.myViewIfMember(meeting.id, turn.actor);
  const refreshUserIds = turn.scope.type === 'personal' ? (turn.actor.teamsUserId ? [turn.actor.teamsUserId] : []) : await services.agenda.viewers(committee);
  const open = attendanceOpen(meeting, now, false);
  const mine = view ? ownView(view) : null;
  return {
    personal: nextMeetingCard(committee, next, turn.lang, { prompt: { mine, open: view?.open ?? open, outcome }, refreshUserIds }, notice),
    shared: nextMeetingCard(committee, next, turn.lang, { prompt: { mine: null, open }, refreshUserIds }, notice),
  };
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
