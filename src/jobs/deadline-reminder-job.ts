// Queues the reminders of topic deadlines that are due (see ReminderService): one per
// member per meeting, in the member's language, sent by the outbox worker.
import type { Logger } from 'pino';
import { memberKey, type DeliveryService } from '../domain/delivery/delivery.service';
import type { ReminderService } from '../domain/digests/reminder.service';
import { formatDate } from '../i18n/format';
import { readerLang } from '../i18n/locale';
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
      const done = await this.deliveries.servedFor(KIND, meeting.id);
      const count = await this.deliveries.queue(
        (await this.reminders.deadlineRecipients(committee, done)).map(({ recipient, to }) => {
          const lang = readerLang(recipient, committee);
          return {
            key: memberKey('deadline', meeting.id, recipient.personId),
            kind: KIND,
            committeeId: committee.id,
            subjectId: meeting.id,
            to,
            content: {
              text: messages(lang).deadlineReminder(
                meeting.title ?? committee.name,
                formatDate(meeting.startsAt, lang, committee.timeZone),
                formatDate(deadline, lang, committee.timeZone),
              ),
            },
          };
        }),
      );
      if (count) this.log.info({ meetingId: meeting.id, committee: committee.slug, queued: count }, 'deadline reminders queued');
      queued += count;
    }
    return queued;
  }
}
