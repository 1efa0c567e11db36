// Each tick: the reminder to members who have not answered a date poll, once, two days
// before its deadline; the word to the secretariat once the deadline has passed; and the
// Outlook events of meetings that closed polls created (see DatePollService.tick).
// Decided from the database, so a restart neither loses nor repeats anything.
import type { Logger } from 'pino';
import type { DatePollService } from '../domain/date-polls/date-poll.service';
import type { DeliveryService } from '../domain/delivery/delivery.service';

export class DatePollJob {
  readonly name = 'date polls';

  constructor(
    private readonly polls: DatePollService,
    private readonly deliveries: DeliveryService,
    private readonly log: Logger,
  ) {}

  async run(): Promise<number> {
    const { reminders, due, outlook } = await this.polls.tick((messages) => this.deliveries.queue(messages));
    if (outlook) this.deliveries.queuedElsewhere();
    if (reminders || due || outlook) this.log.info({ reminders, due, outlook }, 'date polls: reminders and notices queued, Outlook events written');
    return reminders + due + outlook;
  }
}
