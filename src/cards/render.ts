// Expands a card template from cards/ with data. Data is only ever template data:
// "${…}" inside user text is not evaluated (adaptivecards-templating expands the
// template, never the values), so user text cannot become template code.
import type { Template } from 'adaptivecards-templating';
import { jsonParts } from '../api/json-body';
import { BoundedMap } from '../domain/shared/bounded-map';

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
// An expanded card is kept deeply frozen and handed to every caller as it is: no copy per
// turn (a copy of a 10 KB card per member was a tenth of a turn's CPU, with its garbage).
// Frozen, a caller that changed it would throw rather than show the next member its change.
const expanded = new WeakMap<object, BoundedMap<string, AdaptiveCard>>();
const prepared = new WeakMap<object, Template>();

/**
 * adaptivecards-templating, required at the first card: with adaptive-expressions and
 * ANTLR it is some 5 MB of heap and a tenth of a second that a bot starting up, or one
 * idle until its first request, does without.
 */
let templating: typeof import('adaptivecards-templating') | undefined;

function templateOf(template: object): Template {
  let t = prepared.get(template);
  if (!t) {
    // A require, not import(): expansion is synchronous.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    templating ??= require('adaptivecards-templating') as typeof import('adaptivecards-templating');
    prepared.set(template, (t = new templating.Template(template)));
  }
  return t;
}

/**
 * The card for the given template and data, with an Action.Submit fallback on every
 * Action.Execute. Expansion is a pure function of template and data, so the same
 * question asked by many members ("næste møde") is expanded once. The card is shared and
 * frozen: a caller that adds to it builds a new object around it.
 */
export function renderCard(template: object, data: object): Readonly<AdaptiveCard> {
  let cache = expanded.get(template);
  if (!cache) expanded.set(template, (cache = new BoundedMap(CACHE_PER_TEMPLATE)));
  const key = JSON.stringify(data);
  // Newest last: a card asked for again is kept longest.
  const known = cache.recent(key);
  if (known !== undefined) return known;
  const card = templateOf(template).expand({ $root: data }) as AdaptiveCard;
  addSubmitFallbacks(card as unknown as Json);
  deepFreeze(card);
  cache.set(key, card);
  return card;
}

/** A placeholder for the refresh's user list while the card is expanded (never sent). */
const REFRESH_USERS = ['29:refresh-users'];

/** Marks where a volatile field's text goes while the card is expanded (never sent: replaced on the copy). */
const MARK = '\u0000';
const MARKED = new RegExp(`${MARK}(\\w+)${MARK}`, 'g');

/**
 * The card of a template whose refresh names the users whose clients refresh it to their
 * own version (`"userIds": "${refreshUserIds}"`, `"$when": "${count(refreshUserIds) > 0}"`):
 * expanded once whoever asks (in a personal chat the list is the asker alone), the list
 * set on the copy. Without users the card has no refresh at all (not a null one).
 * `volatile`: text fields that change with nearly every turn (an item's count of answers)
 * and that no "$when" reads: expanded as markers, so the card is expanded once for all
 * their values, and their text put in on a copy of only the elements that show it.
 */
export function renderRefreshingCard(
  template: object,
  data: { refreshUserIds: readonly string[]; [key: string]: unknown },
  volatile: Record<string, string> = {},
): AdaptiveCard {
  const userIds = data.refreshUserIds;
  const markers = Object.fromEntries(Object.keys(volatile).map((k) => [k, `${MARK}${k}${MARK}`]));
  const expanded = renderCard(template, {
    ...data,
    ...markers,
    refreshUserIds: userIds.length ? REFRESH_USERS : [],
  });
  const card = (
    Object.keys(volatile).length ? fill(expanded, markedIn(expanded), volatile) : expanded
  ) as AdaptiveCard;
  const { refresh, ...rest } = card;
  if (!refresh || !userIds.length) return rest as AdaptiveCard;
  return { ...card, refresh: { ...(refresh as object), userIds: [...userIds] } };
}

/** Per expanded (frozen) card: the objects and arrays that hold a marker somewhere inside. */
const holders = new WeakMap<object, ReadonlySet<object>>();

function markedIn(card: object): ReadonlySet<object> {
  const known = holders.get(card);
  if (known) return known;
  const found = new Set<object>();
  const visit = (node: unknown): boolean => {
    if (typeof node === 'string') return node.includes(MARK);
    if (!node || typeof node !== 'object') return false;
    let holds = false;
    for (const value of Object.values(node)) if (visit(value)) holds = true;
    if (holds) found.add(node);
    return holds;
  };
  visit(card);
  holders.set(card, found);
  return found;
}

/** A copy of the card with the markers' text in place, sharing every part without one. */
function fill(node: unknown, marked: ReadonlySet<object>, values: Record<string, string>): unknown {
  if (typeof node === 'string')
    return node.includes(MARK) ? node.replace(MARKED, (_, key: string) => values[key] ?? '') : node;
  if (!node || typeof node !== 'object' || !marked.has(node)) return node;
  if (Array.isArray(node)) return node.map((value) => fill(value, marked, values));
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) copy[key] = fill(value, marked, values);
  return copy;
}

function deepFreeze(node: unknown): void {
  if (!node || typeof node !== 'object' || Object.isFrozen(node)) return;
  Object.freeze(node);
  for (const value of Object.values(node)) deepFreeze(value);
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
    const data = (
      node.data && typeof node.data === 'object' && !Array.isArray(node.data) ? node.data : {}
    ) as Record<string, Json>;
    node.fallback = {
      type: 'Action.Submit',
      title: node.title ?? '',
      data: { ...data, verb: node.verb ?? '' },
    };
  }
  // A refresh action is invoked by the client, never clicked: it takes no fallback.
  for (const [key, value] of Object.entries(node)) if (key !== 'refresh') addSubmitFallbacks(value);
}

/** The most a card may take as Teams counts it (100 KB a message, UTF-16), leaving room for the rest of the message. */
export const TEAMS_CARD_LIMIT_BYTES = 100 * 1024 - 4 * 1024;

/**
 * Size of a card as Teams counts message size (UTF-16 code units ×2), for the 100 KB limit.
 * From the card's kept JSON where it has one (api/json-body.ts): a shared card is not
 * serialised again to be measured, and each kept buffer is counted once.
 */
export function cardSizeBytes(card: object): number {
  let units = 0;
  for (const part of jsonParts(card)) units += typeof part === 'string' ? part.length : utf16Units(part);
  return units * 2;
}

/** UTF-16 units of each kept JSON buffer, counted once: the shared cards' buffers are sent again and again. */
const unitsOf = new WeakMap<Buffer, number>();

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
