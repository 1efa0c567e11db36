// How sure the import is of each item, so the preview can point the secretariat to the few
// items worth a look instead of asking them to check everything. Judged from the item
// against the rest of its document: what most items have and this one lacks.
import type { ParsedDocument, ParsedItem } from '../domain/import/parsed-document';

export type DoubtReason = 'title' | 'presenter' | 'blocks' | 'minutes' | 'warning';

export interface ItemConfidence {
  number: string;
  /** 0 (guess) … 1 (sure). */
  score: number;
  /** What is doubtful, most serious first; empty when the item looks like its neighbours. */
  reasons: DoubtReason[];
}

/** Below this the preview marks the item for a check. */
export const LOW_CONFIDENCE = 0.75;

// A doubtful title, no blocks at all or a warning about the item is reason enough to look; a
// missing presenter or Referat alone is common ("Eventuelt") and is only counted with another.
const WEIGHTS: Record<DoubtReason, number> = {
  title: 0.5,
  blocks: 0.4,
  warning: 0.3,
  minutes: 0.2,
  presenter: 0.15,
};

function doubtfulTitle(title: string): boolean {
  return (
    title.length > 160 ||
    title.length < 3 ||
    /^(?:punkt|pkt\.?|sag)\s*\d+$/i.test(title) ||
    // A page number left on the title, not "efter § 85" or "del 2".
    (/\s\d{1,3}$/.test(title) && !/(?:§|nr\.|stk\.|del|fase|trin|kapitel|bilag)\s*\d{1,3}$/i.test(title)) ||
    /\b(?:side\s+\d+|indstilling|sagsfremstilling|referat|beslutning)\s*:?$/i.test(title) ||
    /^[a-zæøå]/.test(title)
  );
}

function hasBlocks(item: ParsedItem): boolean {
  return item.caseText.trim() !== '' || item.recommendation.length > 0 || item.minutes !== null;
}

/** Confidence per item of the document, in its order. */
export function itemConfidence(doc: ParsedDocument): ItemConfidence[] {
  const n = doc.items.length;
  const share = (f: (i: ParsedItem) => boolean) => (n === 0 ? 0 : doc.items.filter(f).length / n);
  // A presenter or a decision is expected only where most items of the document have one.
  const presentersUsual = share((i) => i.presenter !== null) >= 0.6;
  const minutesUsual = doc.kind === 'minutes' && share((i) => i.minutes !== null) >= 0.6;
  return doc.items.map((item) => {
    const reasons: DoubtReason[] = [];
    if (doubtfulTitle(item.title)) reasons.push('title');
    if (!hasBlocks(item)) reasons.push('blocks');
    if (minutesUsual && item.minutes === null) reasons.push('minutes');
    if (presentersUsual && item.presenter === null) reasons.push('presenter');
    const label = new RegExp(`\\bpunkt ${item.number.replace(/\./g, '\\.')}(?![\\d.])`, 'i');
    if (doc.warnings.some((w) => label.test(w))) reasons.push('warning');
    const score = reasons.reduce((s, r) => s * (1 - WEIGHTS[r]), 1);
    return { number: item.number, score: Math.round(score * 100) / 100, reasons };
  });
}
