// Runs the scheduled jobs (digests, and reminders as they come) on a fixed tick. Each
// job decides from the database what is due, so a tick missed during a restart is made
// up by the next one, and a job that runs on two instances queues nothing twice (the
// outbox's keys). Ticks never overlap; a failing job is logged and tried at the next.
import type { Logger } from 'pino';

export interface ScheduledJob {
  readonly name: string;
  run(): Promise<unknown>;
}

export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly jobs: readonly ScheduledJob[],
    private readonly intervalMs: number,
    private readonly log: Logger,
  ) {}

  /** First tick soon after start (`firstDelayMs`), then every interval. */
  start(firstDelayMs = 1000): void {
    this.stopped = false;
    const loop = async () => {
      await this.tick();
      if (!this.stopped) this.timer = setTimeout(loop, this.intervalMs);
    };
    this.timer = setTimeout(loop, firstDelayMs);
  }

  /** Runs every job once now (or waits for the tick under way). */
  tick(): Promise<void> {
    this.current ??= (async () => {
      for (const job of this.jobs) {
        try {
          await job.run();
        } catch (err) {
          this.log.error({ err, job: job.name }, 'scheduled job failed; tried again at the next tick');
        }
      }
    })().finally(() => {
      this.current = null;
    });
    return this.current;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.current;
  }
}
