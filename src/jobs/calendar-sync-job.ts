// Each tick: the committees' Outlook calendars that are due (their last round completed
// CALENDAR_SYNC_MINUTES ago, or their last failure did) are synced, each under a lease on
// its committee's row, so several instances never sync one calendar at once and a
// restart loses nothing (see CalendarSyncService).
import type { Logger } from 'pino';
import type { CalendarSyncService } from '../domain/calendar/calendar-sync.service';

export class CalendarSyncJob {
  readonly name = 'calendar sync';

  constructor(
    private readonly sync: CalendarSyncService,
    private readonly log: Logger,
  ) {}

  async run(): Promise<number> {
    const outcomes = await this.sync.syncDue();
    for (const o of outcomes) {
      if (o.status === 'synced') {
        const { summary } = o;
        const changed = summary.created + summary.updated + summary.cancelled;
        this.log[changed ? 'info' : 'debug']({ ...summary }, 'calendar synced');
      } else if (o.status === 'failed') {
        this.log.warn({ committeeId: o.committeeId, mailbox: o.mailbox, error: o.error, requests: o.requests }, 'calendar sync failed; the last good round stays, tried again after an interval');
      }
    }
    return outcomes.length;
  }
}
