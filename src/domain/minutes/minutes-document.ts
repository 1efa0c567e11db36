// A meeting's minutes ("Referat") as content, before they are written as Markdown or
// Word: the house format of the committees (../shared/seeds/002) — header, participants
// and apologies with organisations, contents by section, then each item with its Referat
// above its Indstilling and Sagsfremstilling, and its attachments.
import type { DecisionOutcome, SectionKind } from '../shared/types';
import type { AgendaItem } from '../agenda/types';

export interface MinutesPerson {
  name: string;
  organisation: string | null;
  /** "formand", "stedfortræder for Mette Andreassen" … */
  note: string | null;
}

export interface MinutesAction {
  what: string;
  /** "Sekretariatet", "Favrskov Kommune", "Jes Svenninggaard". */
  owner: string;
  /** YYYY-MM-DD */
  dueOn: string | null;
}

export interface MinutesItem {
  number: string;
  section: SectionKind;
  /** The section's heading as the agenda wrote it ("Beslutningspunkter"), if it had one. */
  sectionTitle: string | null;
  title: string;
  presenter: string | null;
  decision: { outcome: DecisionOutcome; text: string } | null;
  actions: MinutesAction[];
  recommendationIntro: string | null;
  recommendations: string[];
  caseText: string;
  attachments: Array<{ title: string; url: string | null; closed: boolean; toFollow: boolean }>;
}

export interface MinutesDocument {
  committee: string;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  place: string | null;
  room: string | null;
  onlineUrl: string | null;
  /** Not published yet: the document says "Udkast". */
  draft: boolean;
  /** False when nobody's attendance is known: the lists say so rather than guess. */
  attendanceKnown: boolean;
  participants: MinutesPerson[];
  absent: MinutesPerson[];
  items: MinutesItem[];
  corrections: Array<{ at: Date; note: string; itemNumber: string | null }>;
}

/** Writes minutes as Markdown and as Word (src/documents/). */
export interface MinutesWriter {
  markdown(doc: MinutesDocument): string;
  docx(doc: MinutesDocument): Promise<Uint8Array>;
}

/** A section of the minutes: "1. Beslutningspunkter" and its items, in agenda order. */
export interface MinutesSection {
  /** "1" for items 1.1, 1.2 …; null for flat numbering (Nordjylland's "Punkt 3."). */
  number: string | null;
  title: string | null;
  items: MinutesItem[];
}

/**
 * The items grouped into their sections, in order: a new section starts where the item
 * number's first part (or, for flat numbering, the section title) changes.
 */
export function minutesSections(items: readonly MinutesItem[], sectionTitle: (kind: SectionKind) => string): MinutesSection[] {
  const sections: MinutesSection[] = [];
  for (const item of items) {
    const [head, ...rest] = item.number.split('.');
    const number = rest.length ? (head ?? null) : null;
    const title = number ? (item.sectionTitle ?? sectionTitle(item.section)) : item.sectionTitle;
    const last = sections[sections.length - 1];
    if (last && last.number === number && last.title === title) last.items.push(item);
    else sections.push({ number, title, items: [item] });
  }
  return sections;
}

/** The items that go into the minutes: all but those withdrawn before the meeting. */
export function minutesItems(items: readonly AgendaItem[]): AgendaItem[] {
  return items.filter((i) => i.status !== 'withdrawn');
}
