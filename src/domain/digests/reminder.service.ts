// Reminders members get once: the deadline for submitting topics to a meeting, a few days
// before it (REMINDER_DAYS_BEFORE_DEADLINE, at 08:00 committee time). As with digests,
// what is due is decided from the database on each tick, and the outbox's keys
// (deadline:<meeting>:<person>) make each reminder once-only. Reminders for input
// requests and actions join here when those exist.
import type { Clock } from '../shared/clock';
import { comingMeetings } from '../meetings/coming-meetings';
import { personalTarget } from '../delivery/delivery.service';
import { DIGEST_HOUR } from './digest.service';
import { submissionDeadline } from '../meetings/meeting-rules';
import type { Committee, Meeting } from '../shared/types';
import { addDays, fromLocal, toLocal } from '../shared/zoned-time';
import type { MessageTarget, Recipient } from '../delivery/types';
import type { MeetingRepository } from '../meetings/ports';
import type { CommitteeRepository, MembershipRepository } from '../committees/ports';

export const REMINDER_DAYS_BEFORE_DEADLINE = 3;
/** How far ahead meetings are looked at: the longest deadline a committee may set, and some. */
const HORIZON_DAYS = 200;

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
    const coming = await comingMeetings(this.meetings, this.committees, now, new Date(now.getTime() + HORIZON_DAYS * 86_400_000));
    return coming.flatMap(({ committee, meeting }) => {
      const deadline = submissionDeadline(meeting, committee.submissionDeadlineDays, committee.timeZone);
      return deadline > now && deadlineReminderAt(deadline, committee.timeZone) <= now ? [{ committee, meeting, deadline }] : [];
    });
  }

  /** The members to remind of the deadline, and where to, but those in `done` (person ids) and those out of reach. */
  async deadlineRecipients(committee: Committee, done: ReadonlySet<string>): Promise<Array<{ recipient: Recipient; to: MessageTarget }>> {
    return (await this.memberships.recipients(committee.id)).flatMap((recipient) => {
      const to = done.has(recipient.personId) ? null : personalTarget(recipient, committee);
      return to ? [{ recipient, to }] : [];
    });
  }
}
