// Text as the intent model sees it. Members type on phones and in a hurry: capitals,
// "naeste mode" for "næste møde", "?" and "!", "pkt. 1.2". Everything is folded to one
// spelling before the model, in training and at run time alike, so the model never has
// to learn each variant.

/** Item numbers ("1.2", "pkt. 3") become one token: the model learns "punkt <nr>", not each number. */
export const ITEM_TOKEN = 'pktnr';

/**
 * A time of day: "kl. 13.00", "kl 9", "klokken 13:30-14.45", and "13.00" ("x.00" is no item:
 * sub-items count from 1). Never an item number.
 */
export const TIME = /\b(?:kl|klokken)\.?\s*\d{1,2}(?:[.:]\d{2})?(?:\s*[-–]\s*(?:kl\.?\s*)?\d{1,2}(?:[.:]\d{2})?)?(?![\d])|(?<![\d.])\d{1,2}[.:]00(?![\d]|\.\d)/gi;

const LETTERS: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', ä: 'ae', ö: 'oe', ü: 'ue' };

/**
 * The words as typed, lower case, æøå kept, punctuation gone, item numbers as ITEM_TOKEN,
 * and a time after "kl." ("kl. 13.00") dropped: it names no item and asks nothing. The
 * stemmers want these: their Danish suffix rules are written for æøå, not ae/oe/aa.
 */
export function words(text: string): string[] {
  const lowered = text
    .toLowerCase()
    .replace(TIME, ' kl ')
    .replace(/(?<![\d.])\d{1,2}(?:\.\d{1,2}){1,2}(?![\d]|\.\d)/g, ` ${ITEM_TOKEN} `)
    .replace(/\b(pkt|punkt|item)\.?\s*\d{1,2}\b/g, `$1 ${ITEM_TOKEN}`)
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .trim();
  return lowered ? lowered.split(/\s+/) : [];
}

/** One word as the model's vocabulary spells it: æøå spelt out (ae/oe/aa), accents gone. */
export function foldWord(word: string): string {
  return word
    .replace(/[æøåäöü]/g, (c) => LETTERS[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '');
}

/** Lower case, æøå spelt out (ae/oe/aa), accents and punctuation gone, item numbers as ITEM_TOKEN. */
export function fold(text: string): string {
  return words(text)
    .map(foldWord)
    .filter((w) => w)
    .join(' ');
}

/**
 * Spelling help from the words the corpus uses: "mode" → "moede" (an ø typed as o),
 * "hvornar" → "hvornaar", "dagsordnen" → "dagsordenen". Only a word the corpus does not
 * know is changed, and only to a known word one edit away (two for long words).
 */
export class Speller {
  private readonly known: Set<string>;
  /** "moede" is also reached as "mode", "naeste" as "naste": æøå typed as plain letters. */
  private readonly plain = new Map<string, string>();
  private readonly byLength = new Map<number, string[]>();

  constructor(words: Iterable<string>) {
    this.known = new Set(words);
    for (const w of this.known) {
      const p = w.replace(/ae/g, 'a').replace(/oe/g, 'o').replace(/aa/g, 'a');
      if (p !== w && !this.known.has(p) && !this.plain.has(p)) this.plain.set(p, w);
      const list = this.byLength.get(w.length) ?? [];
      list.push(w);
      this.byLength.set(w.length, list);
    }
  }

  isKnown(word: string): boolean {
    return this.known.has(word) || word === ITEM_TOKEN || /^\d+$/.test(word);
  }

  /** The word, or the known word æøå typed as plain letters stand for ("mode" → "moede"). */
  exact(word: string): string | null {
    if (this.isKnown(word)) return word;
    return this.plain.get(word) ?? null;
  }

  /** The word, or the known word it was most likely meant to be; null when nothing is near. */
  correct(word: string): string | null {
    const exact = this.exact(word);
    if (exact) return exact;
    if (word.length < 5) return null;
    const max = word.length >= 8 ? 2 : 1;
    let best: string | null = null;
    let bestDistance = max + 1;
    for (let len = word.length - max; len <= word.length + max; len++) {
      for (const candidate of this.byLength.get(len) ?? []) {
        // A slip of the finger is rarely the first letter; "genaktiver" is no "deaktiver".
        if (candidate[0] !== word[0]) continue;
        const d = distance(word, candidate, bestDistance);
        if (d < bestDistance) {
          best = candidate;
          bestDistance = d;
        }
      }
    }
    return best;
  }
}

/** Optimal string alignment distance (a swap of two letters is one edit), given up above `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]![j] = j;
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (i > 0 && rowMin >= limit) return limit;
  }
  return rows[a.length]![b.length]!;
}
