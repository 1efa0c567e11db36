// Teams refuses a bot's message over 100 KB (counted as UTF-16, two bytes a character)
// with 413, and what the bot meant to show is then lost: a reply ends in the bot's
// apology, a queued message is given up. Every card the bot sends passes here first
// (reply.ts's cardMessage, the answers to card actions) and one that Teams would refuse
// is replaced by a short card that says so. The cards are built to stay well below
// (members.card.ts pages its roster; an agenda is split into pages); this is for what
// grows with a committee no one foresaw, such as 200 members on one attendance overview.
import { cardSizeBytes, TEAMS_CARD_LIMIT_BYTES, type AdaptiveCard } from '../../cards/render';
import { tooLargeCard } from '../../cards/too-large.card';

/** Where a replaced card is told: the operator hears of it from the log, not only from the secretariat. */
export interface ReplacedCardLog {
  warn(details: object, message: string): void;
}

/** The card as it is when Teams takes it, else the card that says it was too large (told to `log`). */
export function fitForTeams(card: AdaptiveCard, log?: ReplacedCardLog): AdaptiveCard {
  const bytes = cardSizeBytes(card);
  if (bytes <= TEAMS_CARD_LIMIT_BYTES) return card;
  const kb = Math.ceil(bytes / 1024);
  log?.warn({ cardKb: kb, limitKb: TEAMS_CARD_LIMIT_BYTES / 1024 }, 'a card over the size Teams takes was replaced by the notice that it was too large');
  return tooLargeCard(kb);
}
