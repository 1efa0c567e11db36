// Midtjylland (DASSOS) layout: sections "1. Beslutningspunkter", items "1.1 Title", then
// "Ved …", "Referat", "Indstilling", "Sagsfremstilling", "Bilag". Items are read from the
// body; the table of contents confirms them and repairs titles that extraction cut short.
import { bulletOf, quote, titleKey, type DocLine } from './document-lines';
import {
  itemBodyFollows,
  readTitle,
  sectionKindOf,
  type Segment,
  type SegmentResult,
} from './layout-segment';
import type { SectionKind } from '../domain/import/parsed-document';
import type { TableOfContents } from './toc-parser';


const ITEM_LINE = /^(\d{1,2})\.(\d{1,2})\.?\s+(\S.*)$/;
const SECTION_LINE = /^(\d{1,2})\.?\s+(\S.*)$/;

interface Section {
  number: number;
  title: string;
  kind: SectionKind | null;
}

function compareNumbers(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function nextInSequence(number: string, last: string | null): boolean {
  const [major = 0, minor = 0] = number.split('.').map(Number);
  if (last === null) return minor === 1;
  const [lastMajor = 0, lastMinor = 0] = last.split('.').map(Number);
  return (
    (major === lastMajor && minor === lastMinor + 1) || (major === lastMajor + 1 && minor === 1)
  );
}

/** True when the text has lines numbered like Midtjylland items ("1.1 Title") followed by an item body. */
export function looksLikeMidtjylland(lines: readonly DocLine[]): boolean {
  return lines.some(
    (line, i) =>
      !line.cells &&
      ITEM_LINE.test(line.plain) &&
      itemBodyFollows(lines, i + 1),
  );
}

/** Splits the body (from line `from`) into items with their sections. */
export function segmentMidtjylland(
  lines: readonly DocLine[],
  from: number,
  toc: TableOfContents | null,
  warnings: string[],
): SegmentResult {
  const byNumber = new Map((toc?.entries ?? []).map((e) => [e.number, e]));
  const tocHasItems = toc?.entries.some((e) => e.number.includes('.')) ?? false;
  const segments: Segment[] = [];
  const seen = new Set<string>();
  let firstStart = lines.length;
  let section: Section | null = null;
  let sectionStart = 0;
  let sectionIntro: DocLine[] = [];
  let current: Segment | null = null;
  let lastNumber: string | null = null;

  const closeSection = () => {
    if (!section) return;
    const content = sectionIntro.filter((l) => !l.blank);
    if (segments.length === sectionStart && content.length > 0) {
      // A section with text but no numbered items (e.g. written briefings) is an item itself.
      segments.push({
        number: String(section.number),
        title: section.title,
        section: section.kind,
        sectionTitle: section.title,
        body: sectionIntro,
      });
    }
    sectionIntro = [];
  };

  const sectionAt = (i: number): (Section & { span: number }) | null => {
    const line = lines[i];
    if (!line || line.cells || bulletOf(line)) return null;
    const m = SECTION_LINE.exec(line.plain);
    if (!m || /[.;,]$/.test(m[2] ?? '')) return null;
    const number = Number(m[1]);
    const first = m[2] ?? '';
    const entry = byNumber.get(String(number));
    if (entry) {
      const r = readTitle(lines, first, i + 1, entry.title);
      if (titleKey(r.title) === titleKey(entry.title)) {
        return { number, title: r.title, kind: sectionKindOf(r.title), span: r.next - i };
      }
    }
    if (sectionKindOf(first)) return { number, title: first, kind: sectionKindOf(first), span: 1 };
    const next = lines[i + 1];
    if (next && !next.blank && !next.cells && first.length <= 40 && next.plain.length <= 40) {
      const joined = `${first} ${next.plain}`;
      if (sectionKindOf(joined))
        return { number, title: joined, kind: sectionKindOf(joined), span: 2 };
    }
    return null;
  };

  for (let i = from; i < lines.length; i++) {
    const line = lines[i];
    if (!line) break;
    if (!line.blank && !line.cells) {
      const sec = sectionAt(i);
      if (sec) {
        closeSection();
        current = null;
        section = { number: sec.number, title: sec.title, kind: sec.kind };
        seen.add(String(sec.number));
        sectionStart = segments.length;
        firstStart = Math.min(firstStart, i);
        if (sec.kind === null) {
          warnings.push(
            `Afsnittet ${quote(sec.title)} kunne ikke henføres til en kendt type (beslutning, orientering, kommende møder, skriftlig orientering).`,
          );
        }
        i += sec.span - 1;
        continue;
      }
      const m = ITEM_LINE.exec(line.plain);
      if (m) {
        const major = Number(m[1]);
        const number = `${major}.${Number(m[2])}`;
        const entry = byNumber.get(number) ?? null;
        const bodyFollows = itemBodyFollows(lines, i + 1);
        const majorFits = section === null || section.number === major;
        const ordered = lastNumber === null || compareNumbers(number, lastNumber) > 0;
        const accepted =
          !seen.has(number) &&
          ordered &&
          (tocHasItems
            ? entry !== null || (bodyFollows && majorFits)
            : bodyFollows || (section !== null && majorFits && nextInSequence(number, lastNumber)));
        if (accepted) {
          const read = readTitle(
            lines,
            m[3] ?? '',
            i + 1,
            entry?.title ?? null
          );
          let title = read.title;
          if (entry && titleKey(title) !== titleKey(entry.title)) {
            if (titleKey(entry.title).startsWith(titleKey(title))) title = entry.title;
            else {
              warnings.push(
                `Titlen på punkt ${number} i teksten (${quote(title, 120)}) afviger fra indholdsfortegnelsen (${quote(entry.title, 120)}); teksten er brugt.`,
              );
            }
          } else if (!entry && tocHasItems) {
            warnings.push(`Punkt ${number} ${quote(title, 120)} står ikke i indholdsfortegnelsen.`);
          }
          if (section && segments.length === sectionStart) {
            for (const l of sectionIntro.filter((x) => !x.blank)) {
              warnings.push(
                `Teksten ${quote(l.plain, 100)} under afsnittet ${quote(section.title)} står før første punkt og blev ikke knyttet til et punkt.`,
              );
            }
            sectionIntro = [];
          }
          current = {
            number,
            title,
            section: section?.kind ?? null,
            sectionTitle: section?.title ?? null,
            body: [],
          };
          segments.push(current);
          seen.add(number);
          lastNumber = number;
          firstStart = Math.min(firstStart, i);
          i = read.next - 1;
          continue;
        }
      }
    }
    if (current) current.body.push(line);
    else if (section) sectionIntro.push(line);
  }
  closeSection();

  for (const entry of toc?.entries ?? []) {
    if (!seen.has(entry.number)) {
      warnings.push(
        `Punkt ${entry.number} ${quote(entry.title, 120)} står i indholdsfortegnelsen, men blev ikke fundet i teksten.`,
      );
    }
  }
  return { segments, firstStart };
}
