// The outbox: what delivery needs from storage to send each queued message once.
import type { CardRefresh, MessageContent, OutboundMessage } from './types';

/** What a sent message is, recorded in the same transaction that marks it sent. */
export type SentRecord =
  | { overviewOf: string }
  | { itemCardOf: string; conversationId: string }
  | { datePollOf: string };

/** A queued message a sender has claimed, with the address to send it to. */
export interface ClaimedMessage {
  id: string;
  key: string;
  kind: string;
  attempts: number;
  /** Null for a posted card (kind PostedCardKind), rendered when sent. */
  content: MessageContent | null;
  committeeId: string | null;
  subjectId: string | null;
  /** The version claimed (see CardRefresh): marking it sent when a newer one was asked for queues it again. */
  version: number;
  personId: string | null;
  /** The conversation, or the member's stored personal chat (null: create it). */
  conversationId: string | null;
  serviceUrl: string | null;
  tenantId: string | null;
  /** The member's Teams user id, for creating their personal chat. */
  teamsUserId: string | null;
  /** The member blocked or removed the bot before: the message is not sent. */
  unreachable: boolean;
}

/**
 * The outbox: every proactive message is queued here first and sent by a worker that
 * claims it with a row lock, so two instances never send the same message.
 */
export interface OutboxRepository {
  /** Queues the messages whose keys are new; returns how many were. */
  enqueue(messages: OutboundMessage[]): Promise<number>;
  /** The keys queued (in any state) of this kind about this subject. */
  keysFor(kind: string, subjectId: string): Promise<Set<string>>;
  /**
   * Claims up to `limit` due messages for `leaseSeconds`: pending ones whose time has
   * come, and ones whose sender stopped mid-send (their lease ran out).
   */
  claimDue(limit: number, leaseSeconds: number): Promise<ClaimedMessage[]>;
  /** Asks for posted cards to be sent with the current state (see CardRefresh). */
  refresh(cards: CardRefresh[]): Promise<void>;
  /**
   * Sent (the version claimed), with what the sent message is recorded in the same
   * transaction; queued again when a newer version was asked for meanwhile.
   */
  markSent(id: string, activityId: string | null, version?: number, record?: SentRecord): Promise<void>;
  /** Back to the queue, to be tried again at `at`. */
  retryAt(id: string, at: Date, error: string): Promise<void>;
  /** Given up: `unreachable` when the member blocked or removed the bot (their later messages are dropped too). */
  markFailed(id: string, error: string, unreachable: boolean): Promise<void>;
  /**
   * Claimed messages this sender will not send after all (it stops, or held them too long
   * of their lease): back to the queue, due at once, the claim's attempt not counted.
   */
  release(ids: readonly string[]): Promise<void>;
  /** Messages left mid-send by a process that stopped, back to the queue (at start-up, when no other instance can be sending). */
  releaseClaims(): Promise<number>;
  /**
   * Reserves the next sending slot for `key`, `intervalMs` after the last one handed out
   * (every instance shares them); returns how many milliseconds from now it is.
   */
  reserveSlot(key: string, intervalMs: number): Promise<number>;
  /** How the queue stands, per status. */
  counts(): Promise<Record<string, number>>;
  /** Forgets messages sent, given up or unreachable before `before`; returns how many. */
  purgeDoneBefore(before: Date): Promise<number>;
}
