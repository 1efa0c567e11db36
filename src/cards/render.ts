// Expands a card template from cards/ with data. Data is only ever template data:
// "${…}" inside user text is not evaluated (adaptivecards-templating expands the
// template, never the values), so user text cannot become template code.
import { Template } from 'adaptivecards-templating';

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  version: string;
  body?: unknown[];
  actions?: unknown[];
  [key: string]: unknown;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Expanded cards kept per template, newest last. */
const CACHE_PER_TEMPLATE = 256;
// Pure memos of pure functions, keyed by the imported template objects: parsing a
// template's "${…}" expressions (ANTLR) costs milliseconds, and a prepared Template can
// be expanded with any data (expansion is synchronous, so one instance serves all).
// An expanded card is kept as its JSON text: parsing it gives each caller its own copy
// at a third of what structuredClone costs.
const expanded = new WeakMap<object, Map<string, string>>();
const prepared = new WeakMap<object, Template>();

function templateOf(template: object): Template {
  let t = prepared.get(template);
  if (!t) prepared.set(template, (t = new Template(template)));
  return t;
}

/**
 * The card for the given template and data, with an Action.Submit fallback on every
 * Action.Execute. Expansion is a pure function of template and data, so the same
 * question asked by many members ("næste møde") is expanded once; each caller gets
 * its own copy.
 */
export function renderCard(template: object, data: object): AdaptiveCard {
  let cache = expanded.get(template);
  if (!cache) expanded.set(template, (cache = new Map()));
  const key = JSON.stringify(data);
  const text = cache.get(key);
  if (text !== undefined) {
    // Newest last: a card asked for again is kept longest.
    cache.delete(key);
    cache.set(key, text);
    return JSON.parse(text) as AdaptiveCard;
  }
  const card = templateOf(template).expand({ $root: data }) as AdaptiveCard;
  addSubmitFallbacks(card as unknown as Json);
  if (cache.size >= CACHE_PER_TEMPLATE) cache.delete(cache.keys().next().value as string);
  cache.set(key, JSON.stringify(card));
  return card;
}

/**
 * Clients without Universal Actions (older Teams, some mobile builds) fall back to
 * Action.Submit; its data carries the verb so one router handles both paths.
 */
function addSubmitFallbacks(node: Json): void {
  if (Array.isArray(node)) {
    node.forEach(addSubmitFallbacks);
    return;
  }
  if (!node || typeof node !== 'object') return;
  if (node.type === 'Action.Execute' && node.fallback === undefined) {
    const data = (node.data && typeof node.data === 'object' && !Array.isArray(node.data) ? node.data : {}) as Record<string, Json>;
    node.fallback = { type: 'Action.Submit', title: node.title ?? '', data: { ...data, verb: node.verb ?? '' } };
  }
  // A refresh action is invoked by the client, never clicked: it takes no fallback.
  for (const [key, value] of Object.entries(node)) if (key !== 'refresh') addSubmitFallbacks(value);
}

/** Size of a card as Teams counts message size (UTF-16 code units ×2), for the 100 KB limit. */
export function cardSizeBytes(card: object): number {
  return JSON.stringify(card).length * 2;
}
