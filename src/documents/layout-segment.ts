// What a layout hands to the item reader: one item's number, title and section, and the
// lines of its body. Shared helpers for recognising where items start.
import { bulletOf, isNumberedListLine, titleKey, type DocLine } from './document-lines';
import { blockHeadingAt, isItemPreamble, presenterOf } from './item-body-parser';
import type { SectionKind } from '../domain/import/parsed-document';

export interface Segment {
  number: string;
  title: string;
  section: SectionKind | null;
  sectionTitle: string | null;
  body: DocLine[];
}

export interface SegmentResult {
  segments: Segment[];
  /** Index of the first line that starts an item or section, or lines.length. */
  firstStart: number;
}

const SECTION_KINDS: readonly [RegExp, SectionKind][] = [
  [/^skriftlige?\s+orientering(?:er)?$/, 'written'],
  [
    /^(?:beslutningspunkt(?:er)?|beslutning(?:er)?|beslutningssager|(?:punkter|sager) til beslutning|drøftelsespunkt(?:er)?|(?:punkter|sager) til drøftelse|drøftelse og beslutning)$/,
    'decision',
  ],
  [
    /^(?:orienteringspunkt(?:er)?|orientering(?:er)?|orienteringssager|(?:punkter|sager) til orientering|meddelelser|gensidig orientering)$/,
    'information',
  ],
  [/^(?:punkter til (?:kommende|næste) møder?|kommende møder|eventuelt|evt\.?)$/, 'upcoming'],
];

/** The kind of a section heading ("Beslutningspunkter" → decision); null if unknown. */
export function sectionKindOf(title: string): SectionKind | null {
  const t = title
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.:]+$/, '')
    .trim();
  return SECTION_KINDS.find(([re]) => re.test(t))?.[1] ?? null;
}

/** Index of the next non-blank line at or after i, or -1. */
export function nextContent(lines: readonly DocLine[], i: number): number {
  for (let k = i; k < lines.length; k++) if (!lines[k]?.blank) return k;
  return -1;
}

/** True when one of the next few lines is a presenter line or a block heading. */
export function itemBodyFollows(
  lines: readonly DocLine[],
  i: number,
): boolean {
  let seen = 0;
  for (let k = i; k < lines.length && seen < 4; k++) {
    const line = lines[k];
    if (!line || line.blank) continue;
    if (presenterOf(line) || isItemPreamble(line) || blockHeadingAt(lines, k))
      return true;
    seen++;
  }
  return false;
}

/** A line that cannot be the second line of a wrapped title. */
function startsSomethingElse(
  lines: readonly DocLine[],
  k: number,
): boolean {
  const line = lines[k];
  if (!line || line.blank || line.cells) return true;
  return (
    presenterOf(line) !== null ||
    isItemPreamble(line) ||
    blockHeadingAt(lines, k) !== null ||
    bulletOf(line) !== null ||
    isNumberedListLine(line) ||
    /^\d+(?:\.\d+)*\.?\s/.test(line.plain) ||
    /^(?:punkt|pkt\.?)\s*\d/i.test(line.plain) ||
    // Case numbers ("2023-012345") and labelled lines ("Sagsnr.: …") follow titles in some layouts.
    /^[\d\s./-]+$/.test(line.plain) ||
    /^[^\s:]+(?:\s[^\s:]+)?:\s/.test(line.plain)
  );
}

function joinTitle(title: string, next: string): string {
  return /[a-zæøå]-$/.test(title) && /^[a-zæøå]/.test(next) && !/^(?:og|eller)\b/.test(next)
    ? title.slice(0, -1) + next
    : `${title} ${next}`;
}

/**
 * An item title that may continue on the following line(s): with the title from the table
 * of contents as a guide, or else when the next line is short and the item's body follows.
 * Returns the title and the index of the first line after it.
 */
export function readTitle(
  lines: readonly DocLine[],
  first: string,
  i: number,
  tocTitle: string | null,
): { title: string; next: number } {
  let title = first;
  let k = i;
  if (tocTitle !== null) {
    const target = titleKey(tocTitle);
    while (k < i + 4 && titleKey(title) !== target && target.startsWith(titleKey(title))) {
      // A page break inside the title leaves a gap where its footer was.
      if (lines[k]?.blank) {
        const c = nextContent(lines, k);
        if (c > k && c <= k + 3) k = c;
      }
      const line = lines[k];
      if (!line || line.blank || startsSomethingElse(lines, k)) break;
      const joined = joinTitle(title, line.plain);
      if (!target.startsWith(titleKey(joined))) break;
      title = joined;
      k++;
    }
    return { title: k > i ? tocTitle : title, next: k };
  }
  // A continuation after a gap (a page break inside the title) starts in lower case.
  if (lines[k]?.blank) {
    const c = nextContent(lines, k);
    if (c > k && c <= k + 3 && /^[a-zæøå]/.test(lines[c]?.plain ?? '')) k = c;
  }
  const line = lines[k];
  const afterIndex = nextContent(lines, k + 1);
  const after = afterIndex >= 0 ? lines[afterIndex] : undefined;
  const bodyStartsAfter =
    after !== undefined &&
    (presenterOf(after) !== null || blockHeadingAt(lines, afterIndex) !== null);
  if (
    line &&
    bodyStartsAfter &&
    !startsSomethingElse(lines, k) &&
    line.plain.length <= 100 &&
    !/[.:!?]$/.test(title)
  ) {
    return { title: joinTitle(title, line.plain), next: k + 1 };
  }
  return { title, next: i };
}
