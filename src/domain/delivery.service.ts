// Proactive messages go through the outbox: queued here under a once-only key, sent by
// the outbox worker (src/jobs/outbox-worker.ts) within Teams' limits, across restarts
// and instances. Whoever queues does not wait for Teams.
import type { OutboundMessage, OutboxRepository } from './ports';

export class DeliveryService {
  private readonly listeners = new Set<() => void>();

  constructor(private readonly outbox: OutboxRepository) {}

  /** Queues the messages whose keys were never queued; returns how many were new. */
  async queue(messages: OutboundMessage[]): Promise<number> {
    if (!messages.length) return 0;
    const queued = await this.outbox.enqueue(messages);
    if (queued) this.listeners.forEach((listener) => listener());
    return queued;
  }

  /** The keys already queued of this kind about this subject (a meeting's digests, say). */
  keysFor(kind: string, subjectId: string): Promise<Set<string>> {
    return this.outbox.keysFor(kind, subjectId);
  }

  /** Calls `listener` when something new was queued (the worker sends it at once). */
  onQueued(listener: () => void): void {
    this.listeners.add(listener);
  }
}
