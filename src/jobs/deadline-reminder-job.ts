// Queues the reminders of topic deadlines that are due (see ReminderService): one per
// member per meeting, in the member's language, sent by the outbox worker.
import type { Logger } from 'pino';
import type { DeliveryService } from '../domain/delivery.service';
import type { ReminderService } from '../domain/reminder.service';
import { formatDate } from '../i18n/format';
import { langOf } from '../i18n/locale';
import { messages } from '../i18n/messages';

const KIND = 'deadline-reminder';

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
      const done = new Set([...(await this.deliveries.keysFor(KIND, meeting.id))].map((k) => k.split(':')[2]!));
      const recipients = await this.reminders.deadlineRecipients(committee, done);
      const count = await this.deliveries.queue(
        recipients.flatMap((r) => {
          const serviceUrl = r.serviceUrl ?? committee.serviceUrl;
          if (!serviceUrl) return [];
          const lang = langOf(r.locale ?? committee.locale);
          const t = messages(lang);
          return [{
            key: `deadline:${meeting.id}:${r.personId}`,
            kind: KIND,
            committeeId: committee.id,
            subjectId: meeting.id,
            to: { personId: r.personId, serviceUrl, tenantId: r.tenantId ?? committee.tenantId },
            content: {
              text: t.deadlineReminder(
                meeting.title ?? committee.name,
                formatDate(meeting.startsAt, lang, committee.timeZone),
                formatDate(deadline, lang, committee.timeZone),
              ),
            },
          }];
        }),
      );
      if (count) this.log.info({ meetingId: meeting.id, committee: committee.slug, queued: count }, 'deadline reminders queued');
      queued += count;
    }
    return queued;
  }
}
