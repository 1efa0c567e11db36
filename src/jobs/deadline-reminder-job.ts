// Queues the reminders of topic deadlines that are due (see ReminderService): one per
// member per meeting, written by the deadline letters, sent by the outbox worker.
import type { Logger } from 'pino';
import { DEADLINE_REMINDER_KIND, deadlineLetters } from '../bot/letters/deadline-letters';
import type { DeliveryService } from '../domain/delivery/delivery.service';
import type { ReminderService } from '../domain/digests/reminder.service';

export class DeadlineReminderJob {
  readonly name = 'deadline reminders';

  constructor(
    private readonly reminders: ReminderService,
    private readonly deliveries: DeliveryService,
    private readonly log: Logger,
  ) {}

  async run(): Promise<number> {
    let queued = 0;
    for (const { committee, meeting, deadline } of await this.reminders.deadlinesDue()) {
      const done = await this.deliveries.servedFor(DEADLINE_REMINDER_KIND, meeting.id);
      const count = await this.deliveries.queue(deadlineLetters.reminders(committee, meeting, deadline, await this.reminders.deadlineRecipients(committee, done)));
      if (count) this.log.info({ meetingId: meeting.id, committee: committee.slug, queued: count }, 'deadline reminders queued');
      queued += count;
    }
    return queued;
  }
}
