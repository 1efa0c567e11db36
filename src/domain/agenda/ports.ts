// What the agenda needs from storage: items, answers, the publish and an import's items.
// The store implements it with Prisma.
import type { ParsedItem } from '../import/parsed-document';
import type { CardRefresh, OutboundMessage } from '../delivery/types';
import type { ImportedDecision, SavedImport } from '../import/types';
import type { AuditEntry } from '../shared/ports';
import type { SectionKind } from '../shared/types';
import type { PublishedItemContent } from './published-item';
import type { Agenda, AgendaItem, ItemDraft, PositionKind, PositionRecord } from './types';

export interface AgendaRepository {
  /**
   * Creates the item (itemId null) or changes it, possibly onto another meeting, and puts
   * the meeting's items in number order. A number already used on that meeting is refused.
   */
  saveItem(input: { itemId: string | null; meetingId: string; draft: ItemDraft }): Promise<{ item: AgendaItem; created: boolean; moved: boolean }>;
  /**
   * Gives the meeting's items the numbers and sections listed (every item of the meeting,
   * each once; otherwise `conflict`: the agenda changed meanwhile), in one transaction,
   * marks a published item that moved as changed, and puts the items in number order.
   * Returns how many items changed.
   */
  renumber(meetingId: string, items: Array<{ id: string; number: string; section: SectionKind; sectionTitle: string | null }>): Promise<number>;
  /**
   * The meeting's agenda: items in order with attachments, decisions and tallies.
   * `withTally: false`: tallies left at zero, and the agenda is the one every such caller
   * shares (frozen, the same object until something in it is written).
   */
  loadAgenda(meetingId: string, options?: { withTally?: boolean }): Promise<Agenda | null>;
  /** The channel message of the meeting's overview card (its thread holds the item cards), if posted. */
  overviewActivityId(meetingId: string): Promise<string | null>;
  /** The item; `withTally: false` leaves its tally at zero (the caller reads it after a change). */
  findItem(itemId: string, options?: { withTally?: boolean }): Promise<AgendaItem | null>;
  /**
   * Sets the person's one current answer; `changed` is false when it was already that.
   * When it changed, `audit` is recorded with it, atomically. `tally` counts the item's
   * answers with this one in.
   */
  setPosition(
    input: { itemId: string; personId: string; kind: PositionKind; comment: string | null },
    audit: AuditEntry,
  ): Promise<{ changed: boolean; tally: Record<PositionKind, number> }>;
  listPositions(itemId: string): Promise<PositionRecord[]>;
  /** The person's current answer on each of the items. */
  positionsOf(personId: string, itemIds: string[]): Promise<Map<string, PositionKind>>;
  /** Every current answer on the items: person → item → answer. */
  answersOn(itemIds: string[]): Promise<Map<string, Map<string, PositionKind>>>;
  /** The comments given with the current answers on the items (answers without one left out). */
  commentsOn(itemIds: string[]): Promise<Array<{ itemId: string; personId: string; comment: string }>>;
  /**
   * In one transaction: the given items' drafts become published and each item's
   * `published` snapshot is stored (what members' cards show from now on), "changed" marks
   * are cleared, the meeting's agenda is published, the arrived attachments are marked
   * announced, and the cards and messages that say so are queued in the outbox.
   */
  markPublished(input: {
    meetingId: string;
    /** The items as checked for the publish (a draft added since stays a draft). */
    items: Array<{ id: string; published: PublishedItemContent }>;
    at: Date;
    announced: string[];
    cards: CardRefresh[];
    messages: OutboundMessage[];
  }): Promise<{ queued: number }>;

  /**
   * Puts an import's items on the meeting in one transaction: matched by number, updated
   * where they exist, added where new; items the document lacks are removed. Marks the
   * import saved, so a second call (a double click) changes nothing.
   */
  saveImport(input: {
    importId: string;
    meetingId: string;
    actorPersonId: string;
    items: ParsedItem[];
    decisions: ImportedDecision[];
  }): Promise<SavedImport>;
}
