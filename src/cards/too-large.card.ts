import template from '../../cards/too-large.json';
import { messages } from '../i18n/messages';
import { renderCard } from './render';

/**
 * In place of a card Teams would refuse (src/bot/transport/fit-for-teams.ts): what happened,
 * in Danish and English, since the transport that finds it does not know the reader's
 * language. `kb`: the card's size as Teams counts it.
 */
export function tooLargeCard(kb: number) {
  const say = (lang: 'da' | 'en') => ({
    title: messages(lang).tooLarge.title,
    body: messages(lang).tooLarge.body(kb),
  });
  return renderCard(template, { da: say('da'), en: say('en') });
}
