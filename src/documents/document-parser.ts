// Reads the text of a committee agenda or minutes (PDF text or Markdown) into a
// ParsedDocument. Steps: lines → page furniture out → table of contents → layout
// (Midtjylland "1.1", Nordjylland "Punkt 3.", or unknown) → head → items.
import { quote, toLines, type DocLine } from './document-lines';
import { parseHeader, type HeaderInfo } from './header-parser';
import { blockHeadingAt, parseItemBody, presenterOf } from './item-body-parser';
import { sectionKindOf, type Segment } from './layout-segment';
import {
  looksLikeMidtjylland,
  segmentMidtjylland,
} from './midtjylland-layout';
import {
  nordjyllandMarks,
  segmentNordjylland,
  type FlatMarks,
} from './nordjylland-layout';
import { NOT_RECOGNISED_WARNING } from './import-refusal';
import { findPageFurniture } from './page-furniture';
import type { ParsedDocument, ParsedItem } from '../domain/import/parsed-document';
import { findTableOfContents, type TableOfContents } from './toc-parser';

type Layout = 'midtjylland' | 'nordjylland' | 'unknown';

const LONE_PUNKT = /^(?:punkt|pkt\.?)\s*\d{1,3}\.?$/i;

/** Where item bodies begin: the table of contents can only stand before this line. */
function firstBodyMarker(lines: readonly DocLine[]): number {
  // A lone "Referat" before any numbered line is the document's title, not a block.
  let numbered = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line || line.blank || line.cells) continue;
    if (LONE_PUNKT.test(line.plain) || presenterOf(line)) return i;
    if (/^(?:punkt|pkt\.?|sag)?\s*\d/i.test(line.plain)) numbered = true;
    if (!numbered) continue;
    const heading = blockHeadingAt(lines, i);
    if (heading && heading.span === 1 && heading.inline === null) return i;
  }
  return lines.length;
}

/**
 * Contents with "1.1" entries mean Midtjylland. Otherwise "Punkt N." lines mean Nordjylland,
 * then "1.1" items Midtjylland (also under contents that list only the sections), and last
 * flat contents or numbered headings Nordjylland. "1. Beslutningspunkter" headings are
 * numbered headings too, which is why Midtjylland items are looked for before them.
 */
function detectLayout(
  lines: readonly DocLine[],
  toc: TableOfContents | null,
): { layout: Layout; marks: FlatMarks | null } {
  if (toc && !toc.flat) return { layout: 'midtjylland', marks: null };
  const marks = nordjyllandMarks(lines);
  if (marks === 'punkt') return { layout: 'nordjylland', marks };
  if (looksLikeMidtjylland(lines)) return { layout: 'midtjylland', marks: null };
  return toc || marks !== null
    ? { layout: 'nordjylland', marks: marks ?? 'punkt' }
    : { layout: 'unknown', marks: null };
}

function emptyDocument(warnings: string[]): ParsedDocument {
  return {
    kind: 'agenda',
    committee: null,
    meeting: { date: null, start: null, end: null, place: null, room: null },
    participants: [],
    absent: [],
    items: [],
    warnings,
  };
}

function documentOf(header: HeaderInfo, items: ParsedItem[], warnings: string[]): ParsedDocument {
  return {
    kind: header.minutes || items.some((i) => i.minutes !== null) ? 'minutes' : 'agenda',
    committee: header.committee,
    meeting: {
      date: header.date,
      start: header.start,
      end: header.end,
      place: header.place,
      room: header.room,
    },
    participants: header.participants,
    absent: header.absent,
    items,
    warnings,
  };
}

function itemOf(
  segment: Segment,
  header: HeaderInfo,
  markdown: boolean,
  warnings: string[],
): ParsedItem {
  const { closed, ...body } = parseItemBody(segment.body, {
    committee: header.committee,
    markdown,
    label: `punkt ${segment.number}`,
    warnings,
  });
  // "Skriftlige orienteringer" can stand as an item under another section; it is still a written briefing.
  const titleKind = sectionKindOf(segment.title);
  return {
    number: segment.number,
    section: titleKind === 'written' ? 'written' : segment.section,
    sectionTitle: segment.sectionTitle,
    title: segment.title,
    ...body,
    closed,
  };
}

/** Parses the text of an agenda ("Dagsorden") or minutes ("Referat") into structured data. */
export function parseCommitteeDocument(text: string): ParsedDocument {
  const warnings: string[] = [];
  const all = toLines(text);
  const furnitureLines = findPageFurniture(all);
  const furniture = all.filter((l) => furnitureLines.has(l.no)).map((l) => l.plain);
  const lines = all.filter((l) => !furnitureLines.has(l.no));
  if (lines.every((l) => l.blank)) {
    return emptyDocument([...warnings, 'Dokumentet er tomt.']);
  }
  const markdown = lines.some((l) => l.heading > 0 || l.emphasised || l.cells !== null);
  const toc = findTableOfContents(lines, firstBodyMarker(lines));
  const { layout, marks } = detectLayout(lines, toc);

  if (layout === 'unknown') return parseUnknown(lines, furniture, markdown, warnings);

  const segmentWarnings: string[] = [];
  const from = toc ? toc.end : 0;
  const { segments, firstStart } =
    layout === 'midtjylland'
      ? segmentMidtjylland(lines, from, toc, segmentWarnings)
      : segmentNordjylland(lines, from, toc, segmentWarnings, marks);
  const header = parseHeader(
    lines.slice(0, toc ? toc.start : firstStart),
    { furniture, compact: false },
    warnings,
  );
  if (toc) {
    for (const line of lines.slice(toc.end, firstStart)) {
      if (!line.blank && !line.separator) {
        warnings.push(
          `Teksten ${quote(line.plain, 100)} før første punkt blev ikke knyttet til et punkt.`,
        );
      }
    }
  }
  warnings.push(...segmentWarnings);
  const items = segments.map((s) => itemOf(s, header, markdown, warnings));
  return documentOf(header, items, warnings);
}

/** Best effort for a layout we do not know: the head's labelled lines, then one item with all the rest. */
function parseUnknown(
  lines: readonly DocLine[],
  furniture: readonly string[],
  markdown: boolean,
  warnings: string[],
): ParsedDocument {
  warnings.push(NOT_RECOGNISED_WARNING);
  const header = parseHeader(lines, { furniture, compact: true }, warnings);
  let title: string | null =
    header.titleLine !== null ? (lines[header.titleLine]?.plain ?? null) : null;
  let body = lines.slice(header.consumed);
  if (title === null) {
    const first = body.findIndex((l) => !l.blank);
    const line = body[first];
    if (line && line.plain.length <= 150) {
      title = line.plain;
      body = body.slice(first + 1);
    }
  }
  const segment: Segment = {
    number: '1',
    title: title ?? 'Uden titel',
    section: null,
    sectionTitle: null,
    body,
  };
  const item = itemOf(segment, header, markdown, warnings);
  const hasContent = body.some((l) => !l.blank) || title !== null;
  return documentOf(header, hasContent ? [item] : [], warnings);
}
