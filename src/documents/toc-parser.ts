// The table of contents at the top of an agenda: "1.1 Title<TAB>3", "1.1 Title ..... 3",
// a Markdown table "| 1.1 Title | 3 |", or Nordjylland's "1. Godkendelse af dagsorden".
// Items are always read from the body; the contents only confirm numbers and titles and
// let us recover an item whose number line was lost in extraction.
import { plainText, titleKey, type DocLine } from './document-lines';

export interface TocEntry {
  number: string;
  title: string;
  page: number | null;
  /** Has sub-entries (N.1, N.2 …): a section heading rather than an item. */
  section: boolean;
}

export interface TableOfContents {
  /** First and one-past-last line of the contents. */
  start: number;
  end: number;
  entries: TocEntry[];
  /** Every number is a plain integer (Nordjylland): there are no sections. */
  flat: boolean;
}

const NUMBERED = /^(?:punkt\s+|pkt\.?\s*|sag\s+)?(\d{1,2}(?:\.\d{1,2})*)[.:)]?\s+(\S.*)$/i;
const STRONG_PAGE = /^(.*?\S)(?:\s*(?:\.\s?){3,}\s*|\s*…+\s*|\s*\t\s*|\s{2,})(\d{1,3})$/;
const WEAK_PAGE = /^(.*?\S)\s(\d{1,3})$/;

interface RawEntry {
  number: string;
  title: string;
  page: number | null;
  weakPage: number | null;
}

function splitPage(raw: string): { text: string; page: number | null; weakPage: number | null } {
  const trimmed = raw.trim();
  // "efter § 85", "stk. 2", "nr. 12": a number that belongs to the title, however it is spaced.
  if (/(?:§|stk\.|nr\.|kap\.)\s*\d{1,3}$/i.test(trimmed)) return { text: trimmed, page: null, weakPage: null };
  const strong = STRONG_PAGE.exec(trimmed);
  if (strong) return { text: strong[1] ?? '', page: Number(strong[2]), weakPage: null };
  const weak = WEAK_PAGE.exec(trimmed);
  if (weak) return { text: weak[1] ?? '', page: null, weakPage: Number(weak[2]) };
  return { text: trimmed, page: null, weakPage: null };
}

function parseEntry(line: DocLine): RawEntry | null {
  if (line.cells) {
    const cells = line.cells.filter((c) => c !== '');
    const first = cells[0];
    if (first === undefined) return null;
    const m = NUMBERED.exec(first);
    if (!m) return null;
    const last = cells.length > 1 ? cells[cells.length - 1] : undefined;
    const page = last !== undefined && /^\d{1,3}$/.test(last) ? Number(last) : null;
    return { number: m[1] ?? '', title: m[2] ?? '', page, weakPage: null };
  }
  if (line.heading > 0) return null;
  // Word's contents lines are links to the headings; the page number sits inside the link text.
  const { text, page, weakPage } = splitPage(line.raw.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1'));
  const m = NUMBERED.exec(plainText(text));
  if (!m) return null;
  return { number: m[1] ?? '', title: m[2] ?? '', page, weakPage };
}

function isGap(line: DocLine): boolean {
  return line.blank || line.separator || (line.cells !== null && line.cells.every((c) => c === ''));
}

/** Title keys of the numbered lines after the contents, by number. */
function numberedAfter(lines: readonly DocLine[], from: number): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  for (let i = from; i < lines.length; i++) {
    const m = /^(?:punkt|pkt\.?)?\s*(\d{1,2}(?:\.\d{1,2})*)[.:]?(?:\s+(.*)|$)/i.exec(
      lines[i]?.plain ?? '',
    );
    if (!m?.[1]) continue;
    const list = seen.get(m[1]) ?? [];
    list.push(titleKey(m[2] ?? ''));
    seen.set(m[1], list);
  }
  return seen;
}

/**
 * At least half of the entries come back later with the same number and title (a wrapped
 * title on either side compared by its start). A section heading and the first item at the
 * top of a document without contents do not: they are the items themselves.
 */
function entriesComeBack(
  run: readonly RawEntry[],
  lines: readonly DocLine[],
  from: number,
): boolean {
  const later = numberedAfter(lines, from);
  const back = run.filter((e) => {
    const key = titleKey(e.title);
    return (later.get(e.number) ?? []).some(
      (k) => k === key || (k.length >= 12 && (key.startsWith(k) || k.startsWith(key))),
    );
  }).length;
  return back * 2 >= run.length;
}

/** At least half of the entries' titles stand as lines of their own after the contents. */
function titlesComeBack(
  run: readonly RawEntry[],
  lines: readonly DocLine[],
  from: number,
): boolean {
  const keys = new Set<string>();
  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (line && !line.blank) keys.add(titleKey(line.plain));
  }
  return run.filter((e) => keys.has(titleKey(e.title))).length * 2 >= run.length;
}

function finish(
  run: RawEntry[],
  tableRows: number,
  start: number,
  end: number,
  lines: readonly DocLine[],
): TableOfContents | null {
  if (run.length < 2) return null;
  const paged = run.filter((e) => e.page !== null || e.weakPage !== null).length;
  // A number after a single space is a page number only when most entries end in one.
  const usesPages = paged * 2 >= run.length;
  const confirmed =
    tableRows >= 2 ||
    run.filter((e) => e.page !== null).length * 2 >= run.length ||
    entriesComeBack(run, lines, end) ||
    titlesComeBack(run, lines, end);
  if (!confirmed) return null;
  const entries: TocEntry[] = run.map((e) => {
    const weakIsPage = usesPages && e.page === null && e.weakPage !== null;
    return {
      number: e.number,
      title: (e.weakPage !== null && !weakIsPage ? `${e.title} ${e.weakPage}` : e.title).trim(),
      page: e.page ?? (weakIsPage ? e.weakPage : null),
      section: false,
    };
  });
  for (const entry of entries) {
    if (!entry.number.includes('.')) {
      entry.section = entries.some((e) => e.number.startsWith(`${entry.number}.`));
    }
  }
  return { start, end, entries, flat: entries.every((e) => !e.number.includes('.')) };
}

function nextIsEntry(lines: readonly DocLine[], from: number, limit: number): boolean {
  for (let i = from; i < limit; i++) {
    const line = lines[i];
    if (!line) return false;
    if (isGap(line)) continue;
    return parseEntry(line) !== null;
  }
  return false;
}

/**
 * The table of contents among lines [0, limit): the first run of at least two numbered
 * lines with nothing but gaps (or wrapped titles) between them that is confirmed by page
 * numbers, by being a table, or by its numbers or titles coming back later in the text.
 */
export function findTableOfContents(
  lines: readonly DocLine[],
  limit: number,
): TableOfContents | null {
  let run: RawEntry[] = [];
  let tableRows = 0;
  let start = -1;
  let end = -1;
  for (let i = 0; i < limit; i++) {
    const line = lines[i];
    if (!line) break;
    const entry = parseEntry(line);
    const last = run[run.length - 1];
    // The body repeats the contents' numbers: a number seen before ends the contents.
    if (entry && run.some((e) => e.number === entry.number)) {
      const toc = finish(run, tableRows, start, end, lines);
      if (toc) return toc;
      run = [];
      tableRows = 0;
    }
    if (entry) {
      if (run.length === 0) start = i;
      run.push(entry);
      if (line.cells) tableRows++;
      end = i + 1;
      continue;
    }
    if (run.length > 0 && isGap(line)) continue;
    // A title too long for one line: the page number sits on the continuation.
    if (
      last &&
      last.page === null &&
      !line.cells &&
      line.heading === 0 &&
      line.plain.length <= 120
    ) {
      const previous = lines[i - 1];
      const { text, page, weakPage } = splitPage(line.raw);
      if (previous && !previous.blank && (page !== null || nextIsEntry(lines, i + 1, limit))) {
        last.title = `${last.title} ${plainText(text)}`;
        last.page = page;
        last.weakPage = weakPage;
        end = i + 1;
        continue;
      }
    }
    if (run.length > 0) {
      const toc = finish(run, tableRows, start, end, lines);
      if (toc) return toc;
      run = [];
      tableRows = 0;
    }
  }
  return run.length > 0 ? finish(run, tableRows, start, end, lines) : null;
}
