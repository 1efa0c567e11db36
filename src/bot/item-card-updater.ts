// The shared item card in the channel shows the counts. A burst of answers (a meeting's
// worth of members answering at once) must not become a burst of updates: Teams allows
// about 7 per second per conversation. Updates are therefore coalesced per item: the
// first answer schedules one update a moment later, which shows every answer given by
// then. Each member sees their own answer at once in the card Teams gets back.
import type { Logger } from 'pino';
import type { AgendaItem, Committee } from '../domain/types';

/** How long answers to one item are gathered into one update of its card. */
export const COALESCE_MS = 1000;

export type UpdateItemCard = (committee: Committee, item: AgendaItem) => Promise<void>;

export class ItemCardUpdater {
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly load: (itemId: string) => Promise<{ committee: Committee; item: AgendaItem } | null>,
    private readonly update: UpdateItemCard,
    private readonly log: Logger,
    private readonly delayMs: number = COALESCE_MS,
  ) {}

  /** Updates the item's posted card soon, with the state it has then. */
  schedule(itemId: string): void {
    if (this.pending.has(itemId)) return;
    const timer = setTimeout(() => {
      this.pending.delete(itemId);
      void this.run(itemId);
    }, this.delayMs);
    timer.unref();
    this.pending.set(itemId, timer);
  }

  /** Runs every scheduled update now (shutdown, tests). */
  async flush(): Promise<void> {
    const ids = [...this.pending.keys()];
    for (const id of ids) clearTimeout(this.pending.get(id));
    this.pending.clear();
    await Promise.all(ids.map((id) => this.run(id)));
  }

  private async run(itemId: string): Promise<void> {
    try {
      const found = await this.load(itemId);
      if (found) await this.update(found.committee, found.item);
    } catch (err) {
      this.log.warn({ err, itemId }, 'could not update the posted item card');
    }
  }
}
