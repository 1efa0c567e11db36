// Page headers and footers that PDF extraction leaves between the lines of the text:
// "Side 3 af 8", bare page numbers, "DASSOS – dagsorden 30. oktober 2024" or
// "Mødet den 21.08.2023 DAS Social" on every page, and the "Åben" stamp. They carry no
// content of their own, so they are taken out before the structure is read.
import { containsDate } from './danish-dates';
import { bulletOf, type DocLine } from './document-lines';
import { MINUTES_HEADING } from './item-body-parser';

const PAGE_REFERENCE = /\b(?:side|page)\s*\d+\s*(?:af|of|\/)\s*\d+\b/i;
const PAGE_AT_START = /^(?:side|page)\s*\d+\s*(?:af|of|\/)\s*\d+\b/i;
const PAGE_AT_END = /\b(?:side|page)\s*\d+\s*(?:af|of|\/)\s*\d+$/i;
const PAGE_LINE = /^(?:(?:side|page|s\.)\s*\d+(?:\s*(?:af|of|\/)\s*\d+)?|\d+\s*(?:af|\/)\s*\d+)$/i;
const BARE_NUMBER = /^[-–]?\s*(\d{1,3})\s*[-–]?$/;
const OPEN_STAMP = /^(?:åben|åbent|åbent punkt|åben dagsorden|offentlig)$/i;
const MEETING_STAMP = /^møde(?:t)?\s+(?:den\s+)?\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}\b/i;
const PUNKT_LINE = /^(?:punkt|pkt\.?)\s*\d+\.?$/i;
// A block heading alone on its line ("Referat") is repeated in every item of minutes; it is
// furniture only inside a running header, with furniture on both sides.
const BLOCK_WORD =
  /^(?:referat|dagsorden|beslutning|indstilling|sagsfremstilling|resum[eé]|bilag|baggrund|økonomi|lovgrundlag|høring|forslag|oplæg|ved)\b/i;
const HEADING_WORD = /^(?:referat|dagsorden|beslutning(?:er)?|beslutningsprotokol)\s*:?$/i;

function repeatKey(plain: string): string {
  return plain
    .toLowerCase()
    .replace(PAGE_REFERENCE, '')
    .replace(/\s+\d{1,3}$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function footerShaped(line: DocLine): boolean {
  const p = line.plain;
  // "Beslutning i Byrådet den 14.02.2025" repeats under every item but is a block heading.
  const heading = MINUTES_HEADING.exec(p);
  if (heading && /^\s*:?\s*$/.test(p.slice(heading[0].length))) return false;
  // "Lukket dagsorden" under a title marks that item closed: it must not be lost as a header.
  if (/^(?:lukket|fortroligt?)\b/i.test(p)) return false;
  return (
    p.length <= 100 &&
    line.heading === 0 &&
    line.cells === null &&
    !/[.:;,!?]$/.test(p) &&
    !/^\d+(?:\.\d+)*\.?\s/.test(p) &&
    bulletOf(line) === null &&
    (containsDate(p) || /\b(?:dagsorden|referat|side)\b/i.test(p))
  );
}

/** Longest run of page numbers that never decreases: numbers out of order are content. */
function pageNumberLines(candidates: { no: number; value: number }[]): number[] {
  const tails: number[] = [];
  const tailAt: number[] = [];
  const previous: number[] = new Array<number>(candidates.length).fill(-1);
  candidates.forEach((c, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] ?? 0) <= c.value) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = c.value;
    tailAt[lo] = i;
    previous[i] = lo > 0 ? (tailAt[lo - 1] ?? -1) : -1;
  });
  const kept: number[] = [];
  for (let i = tailAt[tails.length - 1] ?? -1; i >= 0; i = previous[i] ?? -1) {
    const c = candidates[i];
    if (c) kept.push(c.no);
  }
  return kept;
}

/** Line numbers of page furniture: page numbers, running headers and footers, "Åben" stamps. */
export function findPageFurniture(lines: readonly DocLine[]): Set<number> {
  const furniture = new Set<number>();
  const counts = new Map<string, number>();
  const numbers: { no: number; value: number }[] = [];
  let afterPunkt = false;
  const titles = new Set<number>();
  for (const line of lines) {
    if (line.blank) continue;
    if (line.cells !== null || line.heading > 0) continue;
    const bare = BARE_NUMBER.exec(line.plain);
    if (bare) numbers.push({ no: line.no, value: Number(bare[1]) });
    else if (footerShaped(line)) {
      const key = repeatKey(line.plain);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  // The title after "Punkt 3." is kept even when it looks like a footer; a page break can fall
  // between the two, so page lines and running headers (on three pages or more) are passed over.
  for (const line of lines) {
    if (line.blank) continue;
    const p = line.plain;
    const running =
      PAGE_LINE.test(p) ||
      PAGE_AT_START.test(p) ||
      OPEN_STAMP.test(p) ||
      BARE_NUMBER.test(p) ||
      (footerShaped(line) &&
        ((counts.get(repeatKey(p)) ?? 0) >= 3 ||
          ((counts.get(repeatKey(p)) ?? 0) >= 2 && MEETING_STAMP.test(p))));
    if (afterPunkt && !running) titles.add(line.no);
    afterPunkt = PUNKT_LINE.test(p) || (afterPunkt && running);
  }
  for (const no of pageNumberLines(numbers)) furniture.add(no);
  for (const line of lines) {
    if (line.blank || line.cells !== null || line.heading > 0 || titles.has(line.no)) continue;
    const p = line.plain;
    if (PAGE_LINE.test(p) || OPEN_STAMP.test(p)) furniture.add(line.no);
    else if (footerShaped(line)) {
      const count = counts.get(repeatKey(p)) ?? 0;
      // "Side 3 af 8" opens or closes a footer; inside a sentence it is a reference.
      const pageRef = (PAGE_AT_START.test(p) || PAGE_AT_END.test(p)) && p.length <= 100;
      if (HEADING_WORD.test(p)) continue;
      if (pageRef || count >= 3 || (count >= 2 && MEETING_STAMP.test(p))) furniture.add(line.no);
    }
  }
  growRunningHeaders(lines, furniture);
  return furniture;
}

/** The non-blank neighbours of each non-blank line. */
function neighbours(lines: readonly DocLine[]): Map<number, [DocLine | null, DocLine | null]> {
  const content = lines.filter((l) => !l.blank);
  const out = new Map<number, [DocLine | null, DocLine | null]>();
  content.forEach((l, i) => out.set(l.no, [content[i - 1] ?? null, content[i + 1] ?? null]));
  return out;
}

/**
 * A running header of several lines ("Socialudvalget / Referat / Åbent referat / Dato: … /
 * Side 4") is found from its dated or numbered lines: a short line that repeats on at least
 * three pages right beside furniture belongs to it, and so does a lone "Referat" between two
 * of its lines.
 */
function growRunningHeaders(lines: readonly DocLine[], furniture: Set<number>): void {
  const counts = new Map<string, number>();
  for (const l of lines) if (!l.blank) counts.set(l.plain, (counts.get(l.plain) ?? 0) + 1);
  const near = neighbours(lines);
  const pages = lines.filter(
    (l) =>
      furniture.has(l.no) &&
      (PAGE_LINE.test(l.plain) || BARE_NUMBER.test(l.plain) || PAGE_REFERENCE.test(l.plain)),
  ).length;
  // A lone "Referat" inside the header is not yet known as furniture: look past it.
  const isFurniture = (l: DocLine | null, step: 0 | 1): boolean => {
    if (l === null) return false;
    if (furniture.has(l.no)) return true;
    if (!HEADING_WORD.test(l.plain)) return false;
    return isFurniture((near.get(l.no) ?? [null, null])[step], step);
  };
  const shortLabel = (l: DocLine) =>
    l.cells === null &&
    l.heading === 0 &&
    l.plain.length <= 60 &&
    !/[.:;,!?]$/.test(l.plain) &&
    !/^\d/.test(l.plain) &&
    bulletOf(l) === null;
  // Content repeats too (an attachment in every item); a header line stands beside furniture
  // wherever it occurs.
  for (let round = 0; round < 2; round++) {
    const beside = new Map<string, number[]>();
    for (const l of lines) {
      if (l.blank || furniture.has(l.no) || !shortLabel(l) || BLOCK_WORD.test(l.plain)) continue;
      // A two-page document repeats its header once.
      if ((counts.get(l.plain) ?? 0) < Math.min(3, Math.max(2, pages))) continue;
      const [before, after] = near.get(l.no) ?? [null, null];
      if (!isFurniture(before, 0) && !isFurniture(after, 1)) continue;
      beside.set(l.plain, [...(beside.get(l.plain) ?? []), l.no]);
    }
    for (const [plain, nos] of beside) {
      // …and on most pages: one attachment in every item also stands beside a footer.
      if (nos.length * 2 < pages) continue;
      // The first page has no running header, but the document's own head in its place.
      if (nos.length >= (counts.get(plain) ?? 0) - 1) for (const no of nos) furniture.add(no);
    }
  }
  for (const l of lines) {
    if (l.blank || furniture.has(l.no) || !HEADING_WORD.test(l.plain)) continue;
    const [before, after] = near.get(l.no) ?? [null, null];
    if (isFurniture(before, 0) && isFurniture(after, 1)) furniture.add(l.no);
  }
}
