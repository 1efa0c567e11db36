// Checks that an import lost no text: every word of the given input lines must appear in
// some string of the parsed document.
import type { ParsedDocument } from '../../src/domain/import/parsed-document';

/** Lower-case words of two or more letters or digits. */
export function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 2);
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

/** Words of `lines` that appear nowhere in the document, apart from the `ignored` ones. */
export function missingWords(
  lines: readonly string[],
  doc: ParsedDocument,
  ignored: readonly string[] = [],
): string[] {
  const present = new Set(strings(doc).flatMap(wordsOf));
  const skip = new Set(ignored.map((w) => w.toLowerCase()));
  return [...new Set(lines.flatMap(wordsOf))].filter((w) => !present.has(w) && !skip.has(w));
}
