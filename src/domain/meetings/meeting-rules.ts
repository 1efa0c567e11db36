// Rules about meetings that need no storage: which one is next, when topics close.
import type { Meeting } from '../shared/types';
import { addDays, fromLocal, toLocal } from '../shared/zoned-time';

/** The first meeting that has not ended and is not cancelled, earliest first. */
export function pickNextMeeting(meetings: readonly Meeting[], now: Date): Meeting | null {
  return (
    [...meetings]
      .filter((m) => m.status !== 'cancelled' && m.endsAt.getTime() > now.getTime())
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0] ?? null
  );
}

/** The meetings that have not started and are not cancelled, in the order given. */
export function notYetStarted(meetings: readonly Meeting[], now: Date): Meeting[] {
  return meetings.filter((m) => m.status !== 'cancelled' && m.startsAt.getTime() > now.getTime());
}

/**
 * The last moment topics can be submitted: the meeting's own deadline if the
 * secretariat set one, else the end of the day `daysBefore` days before it.
 */
export function submissionDeadline(meeting: Meeting, daysBefore: number, timeZone: string): Date {
  if (meeting.submissionDeadline) return meeting.submissionDeadline;
  const local = toLocal(meeting.startsAt, timeZone);
  const day = addDays(local, -daysBefore);
  return fromLocal({ ...day, hour: 23, minute: 59, second: 59 }, timeZone);
}

/** True once the deadline is past: topics then go to a later meeting. */
export function isDeadlinePassed(deadline: Date, now: Date): boolean {
  return now.getTime() > deadline.getTime();
}
