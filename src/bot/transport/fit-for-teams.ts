// Teams refuses a bot's message over 100 KB (counted as UTF-16, two bytes a character)
// with 413, and what the bot meant to show is then lost: a reply ends in the bot's
// apology, a queued message is given up. Every card the bot sends passes here first
// (reply.ts's cardMessage, the answers to card actions) and one that Teams would refuse
// is replaced by a short card that says so. The cards are built to stay well below
// (members.card.ts pages its roster; an agenda is split into pages); this is for what
// grows with a committee no one foresaw, such as 200 members on one attendance overview.
import { jsonParts } from '../../api/json-body';
import type { AdaptiveCard } from '../../cards/render';
import { tooLargeCard } from '../../cards/too-large.card';

/** The most a card may take as Teams counts it, leaving room for the rest of the message. */
export const TEAMS_CARD_LIMIT_BYTES = 100 * 1024 - 4 * 1024;

/** Where a replaced card is told: the operator hears of it from the log, not only from the secretariat. */
export interface ReplacedCardLog {
  warn(details: object, message: string): void;
}

/** The card as it is when Teams takes it, else the card that says it was too large (told to `log`). */
export function fitForTeams(card: AdaptiveCard, log?: ReplacedCardLog): AdaptiveCard {
  const bytes = teamsBytes(card);
  if (bytes <= TEAMS_CARD_LIMIT_BYTES) return card;
  const kb = Math.ceil(bytes / 1024);
  log?.warn({ cardKb: kb, limitKb: TEAMS_CARD_LIMIT_BYTES / 1024 }, 'a card over the size Teams takes was replaced by the notice that it was too large');
  return tooLargeCard(kb);
}

/** UTF-16 units of each kept JSON buffer, counted once: the shared cards' buffers are sent again and again. */
const unitsOf = new WeakMap<Buffer, number>();

/**
 * Teams' count of a card's JSON: two bytes for each UTF-16 unit. From the card's kept JSON
 * where it has one (api/json-body.ts): a shared card is not serialised again to be measured.
 */
function teamsBytes(card: AdaptiveCard): number {
  let units = 0;
  for (const part of jsonParts(card))
    units += typeof part === 'string' ? part.length : utf16Units(part);
  return units * 2;
}

/** UTF-16 units of UTF-8 bytes: one for each character's first byte, two for a character of four bytes. */
function utf16Units(bytes: Buffer): number {
  const known = unitsOf.get(bytes);
  if (known !== undefined) return known;
  let units = 0;
  for (const byte of bytes) {
    if ((byte & 0xc0) !== 0x80) units += byte >= 0xf0 ? 2 : 1;
  }
  unitsOf.set(bytes, units);
  return units;
}
