// Keeps the outbox from growing without end: messages sent, given up or unreachable are
// forgotten after OUTBOX_RETENTION_DAYS. Their keys kept them once-only while it
// mattered; a digest's or reminder's meeting is long past by then.
import type { Logger } from 'pino';
import type { Clock } from '../domain/shared/clock';
import type { OutboxRepository } from '../domain/delivery/ports';

export class OutboxRetentionJob {
  readonly name = 'outbox retention';

  constructor(
    private readonly outbox: Pick<OutboxRepository, 'purgeDoneBefore'>,
    private readonly retentionDays: number,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  async run(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - this.retentionDays * 86_400_000);
    const purged = await this.outbox.purgeDoneBefore(before);
    if (purged) this.log.info({ purged, before }, 'outbox: old messages forgotten');
    return purged;
  }
}
