// What members are shown of an agenda item is what the secretariat published, not what it
// is editing now: a draft (or an edit after publishing, a CPR number perhaps) reaches
// members only through the next publish, which checks it first. Every card members see of
// an item (in the channel, on refresh, after an answer) renders from this snapshot.
import { deepFreeze } from '../shared/deep-freeze';
import type { AgendaAttachment, AgendaItem } from './types';

/** An item's content as the last publish showed it (stored with the item). */
export interface PublishedItemContent {
  number: AgendaItem['number'];
  section: AgendaItem['section'];
  sectionTitle: AgendaItem['sectionTitle'];
  title: AgendaItem['title'];
  presenter: AgendaItem['presenter'];
  recommendationIntro: AgendaItem['recommendationIntro'];
  recommendations: AgendaItem['recommendations'];
  caseText: AgendaItem['caseText'];
  attachments: AgendaAttachment[];
}

/** The snapshot a publish stores of `item`; attachments in `announced` are now told, no longer "to follow". */
export function publishedContentOf(
  item: AgendaItem,
  announced: ReadonlySet<string> = new Set(),
): PublishedItemContent {
  return {
    number: item.number,
    section: item.section,
    sectionTitle: item.sectionTitle,
    title: item.title,
    presenter: item.presenter,
    recommendationIntro: item.recommendationIntro,
    recommendations: [...item.recommendations],
    caseText: item.caseText,
    attachments: item.attachments.map((a) => ({
      ...a,
      toFollow: a.toFollow && !announced.has(a.id),
    })),
  };
}

/**
 * The item as members may see it: its published content with its live state (status,
 * answers, Referat). Null when it was never published. An attachment removed since is
 * left out, and one closed since stays closed: taking something back takes effect at once.
 */
export function asPublished(item: AgendaItem): AgendaItem | null {
  const shown = item.published;
  if (!shown) return null;
  const now = new Map(item.attachments.map((a) => [a.id, a]));
  const attachments = shown.attachments.flatMap((a) => {
    const current = now.get(a.id);
    return current ? [{ ...a, closed: a.closed || current.closed }] : [];
  });
  return { ...item, ...shown, attachments };
}

/**
 * The items as members are shown them: each as published, those never published left out.
 * Of a shared (frozen) agenda's items, made once and shared too, frozen: every member's
 * «hvad skal jeg nå?» and each digest read the same cached agenda.
 */
export function publishedItems(items: readonly AgendaItem[]): AgendaItem[] {
  const show = () => items.flatMap((item) => asPublished(item) ?? []);
  if (!Object.isFrozen(items)) return show();
  let shown = shownOf.get(items);
  if (!shown) {
    shown = deepFreeze(show());
    shownOf.set(items, shown);
  }
  return shown;
}

/** The published items of each shared agenda's items, for as long as that agenda is kept. */
const shownOf = new WeakMap<readonly AgendaItem[], AgendaItem[]>();
