// Keeps the outbox from growing without end: messages sent, given up or unreachable are
// forgotten after OUTBOX_RETENTION_DAYS. Their keys kept them once-only while it
// mattered; a digest's or reminder's meeting is long past by then.
import type { Logger } from 'pino';
import type { Clock } from '../domain/shared/clock';
import type { OutboxRepository } from '../domain/delivery/ports';

export interface OutboxRetentionJobDeps {
  outbox: Pick<OutboxRepository, 'purgeDoneBefore'>;
  retentionDays: number;
  clock: Clock;
  log: Logger;
}

export class OutboxRetentionJob {
  readonly name = 'outbox retention';

  constructor(private readonly deps: OutboxRetentionJobDeps) {}

  async run(): Promise<number> {
    const before = new Date(this.deps.clock.now().getTime() - this.deps.retentionDays * 86_400_000);
    const purged = await this.deps.outbox.purgeDoneBefore(before);
    if (purged) this.deps.log.info({ purged, before }, 'outbox: old messages forgotten');
    return purged;
  }
}
