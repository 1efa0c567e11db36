import { CardFactory, MessageFactory, type Activity } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/render';
import { fitForTeams, type ReplacedCardLog } from './fit-for-teams';

/** A message activity carrying one Adaptive Card (with a text summary for notifications); one Teams would refuse as too large is replaced (fit-for-teams.ts) and told to `log`. */
export function cardMessage(card: AdaptiveCard, summary?: string, log?: ReplacedCardLog): Partial<Activity> {
  const activity = MessageFactory.attachment(CardFactory.adaptiveCard(fitForTeams(card, log)));
  if (summary) activity.summary = summary;
  return activity;
}
