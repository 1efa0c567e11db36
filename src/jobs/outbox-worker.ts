// Sends what the outbox holds, once each, within Teams' limits. Every proactive message
// is queued first (see OutboxRepository) and sent from here:
//
// - Rows are claimed with row locks (FOR UPDATE SKIP LOCKED) under a lease, so several
//   instances on one PostgreSQL never send the same message; a row whose sender stopped
//   mid-send is claimed again when its lease runs out (the embedded database releases
//   them at start-up, as no other process can hold it).
// - Rows are claimed a batch at a time (`batch`, more than are sent at once): 1,000
//   digests are some 40 claims, not one per message. The claimed wait in order for a free
//   sender; one that waited half its lease is given back unsent (another instance may take
//   it once the lease runs out), as is what is left when the worker stops.
// - The sender keeps within Teams' limits: each request waits for its tenant's pace
//   (tenant-pacer.ts, shared by all instances) and its conversation's.
// - A card in the channel (CardRefresh) is rendered by the sender when it is sent; the
//   claimed version is passed back when it is marked sent, so a card asked for again
//   meanwhile goes out once more. A row that waits for another (afterKey) is claimed
//   after that one is sent or given up; each send wakes the loop for what waited on it.
// - 429, 412, 502, 503, 504 and network errors are tried again after Retry-After, or
//   with exponential backoff and jitter, without holding the row meanwhile; 403 (the
//   member blocked or removed the bot) marks the member unreachable, never tried again;
//   any other 4xx fails the message at once.
//
// The one case the protocol leaves open: a process that dies after Teams took a message
// but before it was marked sent sends it again once. Teams offers no way to ask whether a
// message arrived, so the outbox chooses a rare duplicate over a lost message.
import type { Logger } from 'pino';
import type { PersonRepository } from '../domain/committees/ports';
import type { ClaimedMessage, OutboxRepository, SentRecord } from '../domain/delivery/ports';

export interface SendResult {
  activityId: string | null;
  /** The member's personal chat, when the sender had to create it. */
  createdConversationId?: string;
  /** What the sent message is (a card posted in the channel), recorded as it is marked sent. */
  record?: SentRecord;
}

/** Why a send failed: the HTTP status Teams answered (null: no answer) and its Retry-After. */
export class SendError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    readonly retryAfterMs: number | null,
  ) {
    super(message);
    this.name = 'SendError';
  }
}

/** Sends one message to Teams, within Teams' limits (implemented by the bot). */
export interface OutboundSender {
  send(message: ClaimedMessage): Promise<SendResult>;
}

export interface OutboxWorkerOptions {
  /** Messages sent at the same time. */
  concurrency: number;
  /** Messages claimed by one query at most (at least `concurrency`). */
  batch: number;
  /** How long a claim holds a message; a sender that stopped loses it after this. */
  leaseSeconds: number;
  /** How often an idle worker looks for due messages (a new message wakes it at once). */
  pollMs: number;
  /** Tries before a message that keeps failing is given up. */
  maxAttempts: number;
}

export const DEFAULT_OUTBOX_OPTIONS: OutboxWorkerOptions = {
  concurrency: 8,
  batch: 32,
  leaseSeconds: 60,
  pollMs: 1000,
  maxAttempts: 8,
};

const RETRYABLE = new Set([412, 429, 502, 503, 504]);

/** Whether a send that failed so is tried again: no answer at all, or 412, 429, 502-504. */
export function triedAgain(status: number | null): boolean {
  return status === null || RETRYABLE.has(status);
}

/** Exponential backoff with full jitter: attempt 1 → up to 2 s, doubling, at most 5 minutes. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(300_000, 1000 * 2 ** Math.min(attempt, 20));
  return Math.round(cap / 2 + (cap / 2) * random());
}

export interface OutboxWorkerDeps {
  /** The queue, and its word when rows added to it were committed (the worker looks at once). */
  outbox: OutboxRepository & { onQueued(listener: () => void): void };
  people: PersonRepository;
  sender: OutboundSender;
  log: Logger;
  options?: Partial<OutboxWorkerOptions>;
}

export class OutboxWorker {
  private readonly outbox: OutboxWorkerDeps['outbox'];
  private readonly people: PersonRepository;
  private readonly sender: OutboundSender;
  private readonly log: Logger;
  private readonly options: OutboxWorkerOptions;
  private running = false;
  /** Claimed, waiting for a free sender, with when they were claimed. */
  private readonly claimed: Array<{ message: ClaimedMessage; at: number }> = [];
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  private kicked = false;
  /** The last look found nothing due, nothing is being sent, and nothing was queued since. */
  private idling = false;
  private readonly idleWaiters: Array<() => void> = [];

  constructor({ outbox, people, sender, log, options = {} }: OutboxWorkerDeps) {
    this.outbox = outbox;
    this.people = people;
    this.sender = sender;
    this.log = log;
    this.options = { ...DEFAULT_OUTBOX_OPTIONS, ...options };
    // Whoever queued, in whatever transaction: once it is committed, the rows are sent now.
    outbox.onQueued(() => this.kick());
  }

  /** Starts sending; `releaseClaims`: this process is the only sender (the embedded database). */
  async start(releaseClaims: boolean): Promise<void> {
    if (this.running) return;
    if (releaseClaims) {
      const released = await this.outbox.releaseClaims();
      if (released) this.log.warn({ released }, 'outbox: messages left mid-send by a stopped process are queued again');
    }
    this.running = true;
    this.loop = this.run().catch((err: unknown) => this.log.error({ err }, 'outbox worker stopped'));
  }

  /** Something is due: look now rather than at the next poll. */
  kick(): void {
    this.kicked = true;
    this.idling = false;
    this.wake?.();
  }

  /**
   * Resolves once the worker has nothing due and nothing in flight (at once when it is not
   * running): what was queued before the call has been sent, retried later or given up.
   * Messages due later (a Retry-After, a delayed card) do not keep it busy.
   */
  idle(): Promise<void> {
    if (!this.running || this.idling) return Promise.resolve();
    return new Promise((resolve) => {
      this.idleWaiters.push(resolve);
      // A send that failed does not wake the loop; look again now rather than at the next poll.
      this.wake?.();
    });
  }

  /** Stops claiming; what is being sent is finished and marked first. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.settleIdle();
  }

  private settleIdle(): void {
    this.idleWaiters.splice(0).forEach((resolve) => resolve());
  }

  private async run(): Promise<void> {
    const { concurrency, leaseSeconds, pollMs } = this.options;
    const batch = Math.max(concurrency, this.options.batch);
    const inFlight = new Set<Promise<void>>();
    while (this.running) {
      this.kicked = false;
      let found = 0;
      let looked = false;
      // Claimed again only when what is held would not keep every sender busy.
      if (this.claimed.length < concurrency - inFlight.size) {
        try {
          const at = Date.now();
          const rows = await this.outbox.claimDue(batch - this.claimed.length, leaseSeconds);
          this.claimed.push(...rows.map((message) => ({ message, at })));
          found = rows.length;
          looked = true;
        } catch (err) {
          this.log.error({ err }, 'outbox: could not claim messages');
        }
      }
      const late: string[] = [];
      while (inFlight.size < concurrency && this.claimed.length) {
        const { message, at } = this.claimed.shift()!;
        // Held past half its lease: not sent from here, lest another instance take it meanwhile.
        if (Date.now() - at > (leaseSeconds * 1000) / 2) {
          late.push(message.id);
          continue;
        }
        const sending: Promise<void> = this.deliver(message)
          .catch((err: unknown) => this.log.error({ err, delivery: message.key }, 'outbox: could not record how a send went'))
          .finally(() => {
            inFlight.delete(sending);
            // Someone waits for the worker to be idle: look whether anything is left.
            if (!inFlight.size && this.idleWaiters.length) this.wake?.();
          });
        inFlight.add(sending);
      }
      if (late.length) await this.giveBack(late);
      this.idling = looked && !found && !inFlight.size && !this.claimed.length && !this.kicked;
      if (this.idling) this.settleIdle();
      if (inFlight.size >= concurrency) {
        // Every sender is busy: go on as soon as one is free.
        await Promise.race(inFlight);
        continue;
      }
      if (late.length) continue;
      // Nothing more due now: wait for a kick or the poll interval.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
        if (this.kicked || !this.running) this.wake();
      });
      this.wake = null;
    }
    await Promise.allSettled(inFlight);
    await this.giveBack(this.claimed.splice(0).map((c) => c.message.id));
  }

  /** Claimed messages not sent after all, back to the queue. */
  private async giveBack(ids: string[]): Promise<void> {
    if (!ids.length) return;
    try {
      await this.outbox.release(ids);
    } catch (err) {
      // Their lease runs out: sent then, by whichever instance claims them.
      this.log.error({ err, count: ids.length }, 'outbox: could not give back claimed messages');
    }
  }

  private async deliver(message: ClaimedMessage): Promise<void> {
    const log = this.log.child({ delivery: message.key, attempt: message.attempts });
    if (message.unreachable) {
      await this.outbox.markFailed(message.id, 'the member blocked or removed the bot', true);
      return;
    }
    if (message.content && !message.conversationId && !message.teamsUserId) {
      await this.outbox.markFailed(message.id, 'no conversation and no Teams user to write to', false);
      return;
    }
    try {
      const result = await this.sender.send(message);
      await this.outbox.markSent(message.id, result.activityId, message.version, result.record);
      if (result.createdConversationId && message.personId && message.serviceUrl) {
        await this.people.setPersonalConversation(message.personId, result.createdConversationId, message.serviceUrl);
      }
      // What waited for this message (the next card of an agenda) is due now.
      this.kick();
    } catch (err) {
      const status = err instanceof SendError ? err.status : null;
      const retryAfterMs = err instanceof SendError ? err.retryAfterMs : null;
      const reason = err instanceof Error ? err.message : String(err);
      if (status === 403) {
        log.warn({ status }, 'outbox: the member blocked or removed the bot; not tried again');
        await this.outbox.markFailed(message.id, reason, true);
      } else if (triedAgain(status) && message.attempts < this.options.maxAttempts) {
        const wait = retryAfterMs ?? backoffMs(message.attempts);
        log.info({ status, wait }, 'outbox: send throttled or failed, tried again later');
        await this.outbox.retryAt(message.id, new Date(Date.now() + wait), reason);
      } else {
        log.warn({ status, err: reason }, 'outbox: message given up');
        await this.outbox.markFailed(message.id, reason, false);
      }
    }
  }
}
