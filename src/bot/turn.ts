// What a turn is about and what a handler may do in it, in the bot's own terms. The
// transport (src/bot/transport/) reads them from what Teams sent, once per turn, so
// that moving off the Bot Framework SDK touches that folder and not the handlers.
import type { Logger } from 'pino';
import type { AdaptiveCard } from '../cards/render';
import type { ConversationScope } from '../domain/committees/committee.service';
import type { Actor } from '../domain/shared/types';
import type { Lang } from '../i18n/locale';
import type { UploadedFile } from './document-upload';
import type { ActionResult } from './handler';
import type { ConversationRef, RosterEntry } from '../domain/committees/ports';

/** Who (from the activity, never from card data), where, in which language, and the turn's log with its correlation id. */
export interface TurnInfo {
  actor: Actor;
  scope: ConversationScope;
  ref: ConversationRef;
  lang: Lang;
  correlationId: string;
  log: Logger;
}

/** What a handler may read from the turn and do in its conversation. */
export interface TurnIO {
  /** The message's text as Teams sent it, @mention and markup included; '' when there is none. */
  readonly text: string;
  /** The Teams client's locale ("da-DK"), if it sent one. */
  readonly locale: string | null;
  /** The files attached to the message, with the URL each may be downloaded from (not yet checked). */
  readonly files: readonly UploadedFile[];
  /** A submitted card's data (Action.Submit), as sent: unchecked. */
  readonly value: unknown;
  /** True for Action.Execute (an invoke, answered with the card itself); false for a message, Action.Submit included. */
  readonly invoked: boolean;
  /** The text as a command sees it: without the @mention and markup, lower case, no closing marks. */
  commandText(): string;
  /** The text as written (case and punctuation kept), without the @mention and markup. */
  writtenText(): string;
  reply(text: string): Promise<void>;
  replyCard(card: AdaptiveCard, summary?: string): Promise<void>;
  /** Replaces the clicked card's message with this card; false when the turn names no clicked message. */
  updateClicked(card: AdaptiveCard): Promise<boolean>;
  /** The team's members, every page of them (Teams refuses outside a team). */
  roster(): Promise<RosterEntry[]>;
}

/** What the transport hands each turn to, by kind. */
export interface TurnRouter {
  /** A message: text, files, or a card's Action.Submit. */
  message(turn: TurnInfo, io: TurnIO): Promise<void>;
  /** The bot was added to a conversation. */
  installed(turn: TurnInfo, io: TurnIO): Promise<void>;
  /** A card's Action.Execute: answers with the clicker's new card, and/or sends a message. */
  cardAction(turn: TurnInfo, io: TurnIO, verb: string, data: Record<string, unknown>): Promise<ActionResult>;
}
