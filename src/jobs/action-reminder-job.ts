// Each tick: the owners of every action whose last day has passed are reminded, once per
// action (the reminder is queued with the mark that it was sent; see
// ActionItemService.remindOverdue). Decided from the database, so a restart neither loses
// nor repeats a reminder.
import type { Logger } from 'pino';
import type { ActionItemService } from '../domain/minutes/action-item.service';
import type { DeliveryService } from '../domain/delivery/delivery.service';

export class ActionReminderJob {
  readonly name = 'overdue actions';

  constructor(
    private readonly actions: ActionItemService,
    private readonly deliveries: DeliveryService,
    private readonly log: Logger,
  ) {}

  async run(): Promise<number> {
    const reminded = await this.actions.remindOverdue();
    if (reminded) {
      this.deliveries.queuedElsewhere();
      this.log.info({ reminded }, 'overdue actions: owners reminded');
    }
    return reminded;
  }
}
