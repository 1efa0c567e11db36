// Nordjylland (DAS Social) layout: a flat table of contents "1. Godkendelse af dagsorden",
// then items as a line "Punkt 3." followed by the title line, with "Resumé",
// "Sagsfremstilling", "Indstilling" ("Det indstilles, at DAS • … • …") and "Bilag:".
// PDF extraction sometimes drops the "Punkt N." line; the title is then matched against
// the table of contents to recover the item.
import { quote, titleKey, type DocLine } from './document-lines';
import { blockHeadingAt, isItemPreamble, presenterOf } from './item-body-parser';
import {
  itemBodyFollows,
  nextContent,
  readTitle,
  type Segment,
  type SegmentResult,
} from './layout-segment';
import type { TableOfContents, TocEntry } from './toc-parser';


const PUNKT =
  /^(?:punkt|pkt\.?|sag(?:\s+nr\.?)?|dagsordenspunkt)\s*(\d{1,3})(?:\s*[.:)])?(?:\s+(\S.*))?$/i;
const NUMBERED_HEADING = /^(\d{1,3})\.?\s+(\S.*)$/;
/** "7. Title", "7) Title", "7   Title" (a number and a gap in the raw text). */
const SINGLE_SPACED_ITEM = /^\s*(\d{1,3}) ([A-ZÆØÅ].*)$/;
const NUMBERED_ITEM = /^\s*(\d{1,3})(?:[.)]\s+|\s{2,}|\t+)(\S.*)$/;

/** How items are marked: "Punkt N." lines, numbered lines followed by an item body, or bold numbered headings. */
export type FlatMarks = 'punkt' | 'numbered' | 'headings';

interface Start {
  number: number;
  /** The title when it stands on the same line as the number. */
  rest: string | null;
}

function titleShaped(rest: string): boolean {
  return /^[A-ZÆØÅ0-9"«„]/.test(rest) && rest.length <= 200 && !/[;,]$/.test(rest);
}

function explicitStart(
  lines: readonly DocLine[],
  i: number,
  marks: FlatMarks | null,
): Start | null {
  const line = lines[i];
  if (!line || line.blank || line.cells) return null;
  const m = PUNKT.exec(line.plain);
  if (m) {
    const rest = m[2]?.trim() ?? null;
    // "Punkt 3 blev udsat …" is a sentence, not an item: a title on the line starts with a capital.
    if (rest !== null && !titleShaped(rest)) return null;
    return { number: Number(m[1]), rest };
  }
  if (line.emphasised) {
    const h = NUMBERED_HEADING.exec(line.plain);
    if (h) return { number: Number(h[1]), rest: h[2] ?? null };
  }
  if (marks === 'numbered' && line.bullet === null && line.heading === 0) {
    // "1 Title" with a single space: an item only when a block heading is the very next line.
    const single = SINGLE_SPACED_ITEM.exec(line.raw);
    if (single && !NUMBERED_ITEM.test(line.raw)) {
      const rest = single[2]?.replace(/\s+/g, ' ').trim() ?? '';
      const next = nextContent(lines, i + 1);
      if (
        titleShaped(rest) &&
        !/[.:]$/.test(rest) &&
        next > i &&
        next <= i + 2 &&
        blockHeadingAt(lines, next) !== null
      ) {
        return { number: Number(single[1]), rest };
      }
      return null;
    }
    const n = NUMBERED_ITEM.exec(line.raw);
    const rest = n?.[2]?.replace(/\s+/g, ' ').trim();
    // Numbered lists in the case text look the same; an item has its body right after it.
    if (
      n &&
      rest &&
      titleShaped(rest) &&
      !/[.:]$/.test(rest) &&
      itemBodyFollows(lines, i + 1)
    ) {
      return { number: Number(n[1]), rest };
    }
  }
  return null;
}

/** How items are marked when the text has no "1.1" items: see FlatMarks; null when not at all. */
export function nordjyllandMarks(lines: readonly DocLine[]): FlatMarks | null {
  if (lines.some((l, i) => PUNKT.test(l.plain) && explicitStart(lines, i, null))) return 'punkt';
  const headings = lines.filter((l) => l.emphasised && NUMBERED_HEADING.test(l.plain)).length;
  if (headings >= 2) return 'headings';
  let numbered = 0;
  for (let i = 0; i < lines.length && numbered < 2; i++) {
    const l = lines[i];
    const shaped = l && (NUMBERED_ITEM.test(l.raw) || SINGLE_SPACED_ITEM.test(l.raw));
    if (shaped && explicitStart(lines, i, 'numbered')) numbered++;
  }
  return numbered >= 1 ? 'numbered' : null;
}

/** Lines (i, i+1, …) whose joined text is the entry's title; returns how many, or 0. */
function titleSpan(lines: readonly DocLine[], i: number, entry: TocEntry): number {
  const target = titleKey(entry.title);
  let text = '';
  for (let k = i; k < i + 3; k++) {
    const line = lines[k];
    if (!line || line.blank || line.cells) return 0;
    text = text ? `${text} ${line.plain}` : line.plain;
    const key = titleKey(text);
    if (key === target) return k - i + 1;
    if (!target.startsWith(key)) return 0;
  }
  return 0;
}

/** The listed item whose title starts at line i, when its "Punkt N." line was lost. */
function lostItemAt(
  lines: readonly DocLine[],
  i: number,
  toc: TableOfContents,
  entryKeys: ReadonlyMap<TocEntry, string>,
  open: (entry: TocEntry) => boolean,
): { entry: TocEntry; span: number } | null {
  const key = titleKey(lines[i]?.plain ?? '');
  if (key === '') return null;
  for (const entry of toc.entries) {
    if (!(entryKeys.get(entry) ?? '').startsWith(key) || !open(entry)) continue;
    const span = titleSpan(lines, i, entry);
    if (span > 0) return { entry, span };
  }
  return null;
}

/** Splits the body (from line `from`) into items numbered "Punkt N.". */
export function segmentNordjylland(
  lines: readonly DocLine[],
  from: number,
  toc: TableOfContents | null,
  warnings: string[],
  marks: FlatMarks | null = 'punkt',
): SegmentResult {
  const byNumber = new Map((toc?.entries ?? []).map((e) => [e.number, e]));
  const explicit = new Set<number>();
  for (let i = from; i < lines.length; i++) {
    const start = explicitStart(lines, i, marks);
    if (start) explicit.add(start.number);
  }
  const entryKeys = new Map((toc?.entries ?? []).map((e) => [e, titleKey(e.title)]));
  const segments: Segment[] = [];
  const seen = new Set<string>();
  // Assigned inside open(); declared this way so the compiler does not narrow it to null.
  let current = null as Segment | null;
  let lastNumber = 0;
  let firstStart = lines.length;

  const open = (number: number, title: string, at: number) => {
    current = { number: String(number), title, section: null, sectionTitle: null, body: [] };
    segments.push(current);
    seen.add(String(number));
    lastNumber = number;
    firstStart = Math.min(firstStart, at);
  };

  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (!line) break;
    const start = explicitStart(lines, i, marks);
    if (start && start.number > lastNumber) {
      const entry = byNumber.get(String(start.number)) ?? null;
      let first = start.rest;
      let titleAt = i + 1;
      if (first === null) {
        const t = nextContent(lines, i + 1);
        const candidate = t >= 0 ? lines[t] : undefined;
        if (
          candidate &&
          !presenterOf(candidate) &&
          !isItemPreamble(candidate) &&
          !blockHeadingAt(lines, t)
        ) {
          first = candidate.plain;
          titleAt = t + 1;
        }
      }
      if (first === null && !entry) {
        // Some systems print the title above "Sag nr. 24": the last line before it, when that
        // is a short title-shaped line after a gap (not the end of the previous item's text).
        const body = current?.body ?? [];
        let k = body.length - 1;
        while (k >= 0 && body[k]?.blank) k--;
        const above = body[k];
        const beforeAbove = body[k - 1];
        if (current === null) {
          // Before the first item the line above stands in the head.
          let h = i - 1;
          while (h >= from && lines[h]?.blank) h--;
          const line = h >= from ? lines[h] : undefined;
          const prior = lines[h - 1];
          if (
            line &&
            titleShaped(line.plain) &&
            !/[.:!?]$/.test(line.plain) &&
            line.plain.length <= 150 &&
            (prior === undefined || prior.blank)
          ) {
            open(start.number, line.plain, h);
            continue;
          }
        }
        if (
          above &&
          titleShaped(above.plain) &&
          !/[.:!?]$/.test(above.plain) &&
          above.plain.length <= 150 &&
          (beforeAbove === undefined || beforeAbove.blank || blockHeadingAt(body, k - 1) !== null) &&
          blockHeadingAt(body, k) === null
        ) {
          body.splice(k);
          open(start.number, above.plain, i);
          continue;
        }
      }
      if (first === null) {
        if (!entry) warnings.push(`Punkt ${start.number} har ingen titel.`);
        open(start.number, entry?.title ?? `Punkt ${start.number}`, i);
        continue;
      }
      const read = readTitle(lines, first, titleAt, entry?.title ?? null);
      let title = read.title;
      if (entry && titleKey(title) !== titleKey(entry.title)) {
        if (titleKey(entry.title).startsWith(titleKey(title))) title = entry.title;
        else {
          warnings.push(
            `Titlen på punkt ${start.number} i teksten (${quote(title, 120)}) afviger fra indholdsfortegnelsen (${quote(entry.title, 120)}); teksten er brugt.`,
          );
        }
      } else if (!entry && toc) {
        warnings.push(
          `Punkt ${start.number} ${quote(title, 120)} står ikke i indholdsfortegnelsen.`,
        );
      }
      open(start.number, title, i);
      i = read.next - 1;
      continue;
    }
    if (start) {
      warnings.push(
        `Linjen ${quote(line.plain)} kommer efter punkt ${lastNumber} og er læst som tekst i punktet.`,
      );
    } else if (toc && !line.blank) {
      const lost = lostItemAt(lines, i, toc, entryKeys, (e) => {
        const n = Number(e.number);
        return n > lastNumber && !explicit.has(n) && !seen.has(e.number);
      });
      if (lost) {
        open(Number(lost.entry.number), lost.entry.title, i);
        i += lost.span - 1;
        continue;
      }
    }
    current?.body.push(line);
  }

  for (const entry of toc?.entries ?? []) {
    if (!seen.has(entry.number)) {
      warnings.push(
        `Punkt ${entry.number} ${quote(entry.title, 120)} står i indholdsfortegnelsen, men blev ikke fundet i teksten.`,
      );
    }
  }
  return { segments, firstStart };
}
