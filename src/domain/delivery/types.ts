// Proactive messages: who they are for, what they say, where they go, the cards kept current.

/** A member as someone the bot can write to personally. */
export interface Recipient {
  personId: string;
  name: string;
  teamsUserId: string | null;
  tenantId: string | null;
  serviceUrl: string | null;
  personalConversationId: string | null;
  /** The member's own language choice, if any. */
  locale: string | null;
  /** The member asked for no digests ("stop opsummering"). */
  digestMuted: boolean;
  /** The member blocked or removed the bot. */
  unreachable: boolean;
}

/** What a proactive message says; the bot turns it into a Teams activity. */
export interface MessageContent {
  /** Markdown text; with a card, the text shown above it. */
  text?: string;
  /** An Adaptive Card (rendered JSON). */
  card?: Record<string, unknown>;
  /** The notification preview of a card. */
  summary?: string;
  /** A document put in the channel's Files and attached when the message is sent (where Graph may; else the card's links carry it). */
  attach?: { minutesOf: string };
  /** The message this one answers (a reply the turn could not send, sent later by the outbox). */
  replyToId?: string;
}

/** Where a proactive message goes: a member's personal chat (created when there is none yet), or a conversation. */
export type MessageTarget =
  /** The member's own address when known, else `serviceUrl` and `tenantId` (the tenant's, from the channel). */
  | { personId: string; serviceUrl?: string | null; tenantId?: string | null }
  | { conversationId: string; serviceUrl: string; tenantId: string | null };

/** A proactive message to queue. The key makes it once-only: a key already queued is never queued again. */
export interface OutboundMessage {
  key: string;
  kind: string;
  committeeId: string | null;
  /** What it is about (a meeting's id for its digests). */
  subjectId?: string | null;
  to: MessageTarget;
  content: MessageContent;
  notBefore?: Date;
  /** Sent only after the message with this key (a report after the cards it reports on). */
  afterKey?: string | null;
}

/** The kinds of posted card the outbox renders when it sends them, from the state then. */
export type PostedCardKind = 'agenda-overview' | 'agenda-item' | 'date-poll';

/**
 * A card in the committee's channel that should show the current state: posted when it
 * is not there yet, else updated in place. Rendered when sent, so a queue of changes is
 * one send showing them all; asked again while it is being sent, it is sent once more.
 */
export interface CardRefresh {
  kind: PostedCardKind;
  /** The meeting (overview) or the item. */
  subjectId: string;
  committeeId: string;
  /** Not sent before this key's message has been (items follow their overview, in order). */
  afterKey?: string | null;
  /** Gather the changes of this long into one send. */
  delayMs?: number;
}
