// Each tick: the owners of every action whose last day has passed are reminded, once per
// action (the reminder is queued with the mark that it was sent; see
// ActionItemService.remindOverdue). Decided from the database, so a restart neither loses
// nor repeats a reminder.
import type { Logger } from 'pino';
import type { ActionItemService } from '../domain/minutes/action-item.service';

export class ActionReminderJob {
  readonly name = 'overdue actions';

  constructor(
    private readonly actions: ActionItemService,
    private readonly log: Logger,
  ) {}

  async run(): Promise<number> {
    const reminded = await this.actions.remindOverdue();
    if (reminded) this.log.info({ reminded }, 'overdue actions: owners reminded');
    return reminded;
  }
}
