// Documents the importer refuses rather than guesses at: nothing in them is saved, and the
// secretariat is told why. A document in another language, or one without a single
// numbered item, would otherwise become one item holding the whole text.
import type { ParsedDocument } from '../domain/import/parsed-document';

export type ImportRefusal = 'empty' | 'language' | 'no_items';

/** The warning the parser gives when it found no numbered items and kept the text as one. */
export const NOT_RECOGNISED_WARNING =
  'Dokumentets opbygning blev ikke genkendt (ingen punkter nummereret som «1.1» eller «Punkt 1.»); al tekst er lagt i ét punkt.';

const DANISH = new Set(
  'og i at til af på er der det en et for med som den de ikke har vil skal blev kan om fra ved efter også sagen mødet punkt'.split(
    ' ',
  ),
);
const OTHER = new Set(
  // English, German, Swedish and Norwegian words that Danish does not use (Norwegian "ikke"
  // and "og" are Danish too, so only its own spellings count).
  'the and of to is that with was were are this which und die das ist nicht ein eine mit auch och att är inte som jag ikkje meg kva the'.split(
    ' ',
  ),
);

/** Share of Danish function words among the text's words, against other languages' words. */
export function looksDanish(text: string): boolean {
  const words = text
    .slice(0, 40_000)
    .toLowerCase()
    .match(/[a-zæøåäöüß]+/g);
  if (!words || words.length < 20) return true;
  let danish = 0;
  let other = 0;
  for (const w of words) {
    if (DANISH.has(w)) danish++;
    else if (OTHER.has(w)) other++;
  }
  return danish >= other && danish / words.length >= 0.04;
}

/** Why the document is not imported, or null when it can be previewed. */
export function importRefusal(doc: ParsedDocument, text: string): ImportRefusal | null {
  if (
    text.trim() === '' ||
    (doc.items.length === 0 && doc.warnings.includes('Dokumentet er tomt.'))
  ) {
    return 'empty';
  }
  if (!looksDanish(text)) return 'language';
  if (doc.items.length === 0 || doc.warnings.includes(NOT_RECOGNISED_WARNING)) return 'no_items';
  return null;
}
