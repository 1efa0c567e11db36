// Reminders members get once: the deadline for submitting topics to a meeting, a few days
// before it (REMINDER_DAYS_BEFORE_DEADLINE, at 08:00 committee time). As with digests,
// what is due is decided from the database on each tick, and the outbox's keys
// (deadline:<meeting>:<person>) make each reminder once-only. Reminders for input
// requests and actions join here when those exist.
import type { Clock } from './clock';
import { DIGEST_HOUR } from './digest.service';
import { submissionDeadline } from './meeting-rules';
import type { CommitteeRepository, MeetingRepository, MembershipRepository, Recipient } from './ports';
import type { Committee, Meeting } from './types';
import { addDays, fromLocal, toLocal } from './zoned-time';

export const REMINDER_DAYS_BEFORE_DEADLINE = 3;
/** How far ahead meetings are looked at: the longest deadline a committee may set, and some. */
const HORIZON_DAYS = 200;

export interface DeadlineReminders {
  committee: Committee;
  meeting: Meeting;
  deadline: Date;
  recipients: Recipient[];
}

/** When the reminder of a meeting's deadline is due: three days before the deadline's day, at 08:00. */
export function deadlineReminderAt(deadline: Date, timeZone: string): Date {
  const day = addDays(toLocal(deadline, timeZone), -REMINDER_DAYS_BEFORE_DEADLINE);
  return fromLocal({ ...day, hour: DIGEST_HOUR, minute: 0 }, timeZone);
}

export class ReminderService {
  constructor(
    private readonly committees: CommitteeRepository,
    private readonly meetings: MeetingRepository,
    private readonly memberships: MembershipRepository,
    private readonly clock: Clock,
  ) {}

  /** Meetings whose deadline reminder is due now: past its time, deadline not passed, not cancelled. */
  async deadlinesDue(): Promise<Array<{ committee: Committee; meeting: Meeting; deadline: Date }>> {
    const now = this.clock.now();
    const out: Array<{ committee: Committee; meeting: Meeting; deadline: Date }> = [];
    for (const meeting of await this.meetings.listAllStartingBetween(now, new Date(now.getTime() + HORIZON_DAYS * 86_400_000))) {
      if (meeting.status === 'cancelled') continue;
      const committee = await this.committees.findById(meeting.committeeId);
      if (!committee) continue;
      const deadline = submissionDeadline(meeting, committee.submissionDeadlineDays, committee.timeZone);
      if (deadline > now && deadlineReminderAt(deadline, committee.timeZone) <= now) out.push({ committee, meeting, deadline });
    }
    return out;
  }

  /** The members to remind of the deadline, but those in `done` (person ids) and those out of reach. */
  async deadlineRecipients(committee: Committee, done: ReadonlySet<string>): Promise<Recipient[]> {
    return (await this.memberships.recipients(committee.id)).filter((r) => !done.has(r.personId) && !r.unreachable && r.teamsUserId);
  }
}
