import template from '../../cards/decisions.json';
import type { Committee } from '../domain/shared/types';
import { formatShortDate } from '../i18n/format';
import type { Lang } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { renderCard } from './render';
import type { DecisionHit } from '../domain/minutes/types';

/** How much of a Referat a hit shows: its first lines. */
const EXCERPT_CHARS = 320;

/** The first lines of a Referat as plain text, cut at a word. */
export function excerpt(text: string): string {
  const plain = text.replace(/\*\*|__/g, '').replace(/^[-•*]\s+/gm, '• ').replace(/\s*\n+\s*/g, ' ').trim();
  if (plain.length <= EXCERPT_CHARS) return plain;
  const cut = plain.lastIndexOf(' ', EXCERPT_CHARS);
  return `${plain.slice(0, cut > EXCERPT_CHARS / 2 ? cut : EXCERPT_CHARS).trimEnd()} …`;
}

/** "beslutninger <søgeord>": the matching decisions, newest meeting first, with where they were made and how they begin. */
export function decisionsCard(result: { committee: Committee; words: string; hits: readonly DecisionHit[]; total: number }, lang: Lang) {
  const t = messages(lang);
  const m = t.min;
  const { committee, words, hits, total } = result;
  const summary = hits.length ? m.searchCount(hits.length, total) : words ? m.searchNone(words) : m.latestNone;
  return renderCard(template, {
    heading: m.searchHeading(committee.name),
    title: words ? m.searchTitle(words) : m.latestTitle,
    summary,
    hits: hits.map((h) => ({
      where: m.hitWhere(formatShortDate(h.meetingStartsAt, lang, committee.timeZone), h.itemNumber, h.itemTitle),
      outcome: t.outcomes[h.outcome],
      excerpt: excerpt(h.text),
    })),
  });
}
