// The document head: title line(s), "Tidspunkt:", "Sted:", "Lokale:", "Deltagere:", "Afbud:".
// Every line here ends up in a field or in a warning.
import { findDate, findTimes, findYear, isoDateOf, containsDate } from './danish-dates';
import { quote, type DocLine } from './document-lines';
import type { ParsedDocument } from '../domain/import/parsed-document';
import { parseParticipants } from './participants-parser';

type ParsedMeeting = ParsedDocument['meeting'];

export interface HeaderInfo extends ParsedMeeting, Pick<ParsedDocument, 'participants' | 'absent'> {
  committee: string | null;
  /** The title calls the document minutes ("Referat …", "Beslutningsprotokol"). */
  minutes: boolean;
  /** Index (into the given lines) of the line read as the document's title, if any. */
  titleLine: number | null;
  /** One past the last line read; less than the number of lines only in compact mode. */
  consumed: number;
}

export interface HeaderOptions {
  /** Running headers and footers removed from the text: they often repeat date and committee. */
  furniture: readonly string[];
  /**
   * For documents whose layout was not recognised: read only a title line and labelled
   * lines at the top and stop at the first line that is neither.
   */
  compact: boolean;
}

type Field = 'time' | 'end' | 'place' | 'room' | 'participants' | 'absent' | 'committee';

interface PeopleBlock {
  field: 'participants' | 'absent';
  inline: string;
  lines: DocLine[];
}

const LABELS: readonly [RegExp, Field][] = [
  [
    /^(?:tidspunkt|tid|dato|mødedato|mødetidspunkt|mødetid|dato og tid(?:spunkt)?|hvornår|start kl\.?|starttidspunkt|mødestart|mødet starter)$/i,
    'time',
  ],
  [/^(?:slut kl\.?|sluttidspunkt|mødeslut|mødet slutter)$/i, 'end'],
  [/^(?:sted|mødested|adresse|lokation|hvor)$/i, 'place'],
  [/^(?:lokale|mødelokale|rum)$/i, 'room'],
  [
    /^(?:deltagere|deltager|til stede|tilstede|fremmødte|deltagende|medlemmer|mødedeltagere|deltagere i mødet)$/i,
    'participants',
  ],
  [/^(?:afbud|afbud fra|fraværende|fravær|meldt afbud)$/i, 'absent'],
  [/^(?:udvalg|styregruppe|forum|mødeforum)$/i, 'committee'],
];
const CONTENTS_LINE = /\S.*?(?:\s?\.){4,}\s*\d{1,3}$|\S.*?…+\s*\d{1,3}$/;
/** A line that is the name of a body: "Socialudvalget", "Social- og Sundhedsudvalget", "KKR Midtjylland". */
const BODY_NAME =
  /^(?:[A-ZÆØÅ][\wæøåÆØÅ-]*(?:\s+(?:og|for|i|[A-ZÆØÅ][\wæøåÆØÅ-]*)){0,5}?\s*(?:udvalget|udvalg|byrådet|byråd|regionsrådet|kommunalbestyrelsen|kommunalbestyrelse|styregruppen|arbejdsgruppen|netværket|rådet|forum)|KKR\s+[A-ZÆØÅ][\wæøåÆØÅ-]+)$/;
const LABEL_LINE = /^([A-Za-zÆØÅæøåé][A-Za-zÆØÅæøåé ./-]{0,40}?)\s*:\s*(.*)$/;
const TITLE_WORDS = /\b(?:dagsorden|referat|indholdsfortegnelse|beslutningsprotokol|møde|mødet)\b/i;
const MINUTES_TITLE = /^(?:referat|beslutningsprotokol)\b|\breferat\s+(?:fra|af)\s+møde/i;

interface Label {
  field: Field | null;
  name: string;
  value: string;
}

function labelOf(line: DocLine): Label | null {
  const m = LABEL_LINE.exec(line.plain);
  if (!m) return null;
  const name = (m[1] ?? '').trim();
  if (name.split(/\s+/).length > 4) return null;
  const field = LABELS.find(([re]) => re.test(name))?.[1] ?? null;
  // The value keeps the raw text's column gaps, which the participant reader needs.
  const rawValue = line.raw.replace(/^[^:]*:\s*(?:\*\*|__)?\s*/, '');
  return {
    field,
    name,
    value: field === 'participants' || field === 'absent' ? rawValue : (m[2] ?? ''),
  };
}

function plausibleCommittee(name: string): boolean {
  return (
    name.length <= 60 &&
    name.split(/\s+/).length <= 5 &&
    /^[A-ZÆØÅ0-9]/.test(name) &&
    !/[.:;!?]$/.test(name) &&
    !containsDate(name) &&
    !/^(?:møde|mødet|dagsorden|referat|indholdsfortegnelse)$/i.test(name)
  );
}

const COMMITTEE_PATTERNS: readonly RegExp[] = [
  /^(.+?)\s+[-–|]\s+(?:referat|dagsorden|beslutningsprotokol)\b/i,
  /(?:dagsorden|referat|beslutningsprotokol)\s+(?:til|for|fra)\s+(?:møde(?:t)?\s+i\s+)?(.+?)(?:\s+(?:den|d\.)\s+.*|\s+\d.*)?$/i,
  /^(?:referat|dagsorden|beslutningsprotokol)\s*[-–:]?\s+(.+?)\s+(?:(?:den|d\.)\s+)?\d{1,2}\.\s?(?:\d|[a-zæøå])/i,
  /^møde(?:t)?\s+i\s+(.+?)(?:\s+(?:den|d\.)\s+.*)?$/i,
  /^møde(?:t)?\s+(?:den\s+)?\S*\d\S*(?:\s+kl\.?\s*\S+(?:\s*[-–]\s*\S+)?)?\s+(.+)$/i,
  /^(.+?)\s+(?:den|d\.)\s+\d{1,2}\./i,
  /^(?:referat|dagsorden|beslutningsprotokol)\s*[-–:]?\s+(.+)$/i,
];

/** The committee named in a title line ("DASSOS den 30. oktober 2024", "Mødet den 21.08.2023 DAS Social"). */
export function committeeFromTitle(text: string): string | null {
  for (const re of COMMITTEE_PATTERNS) {
    const name = re
      .exec(text)?.[1]
      ?.replace(/[\s–-]+$/, '')
      .trim();
    if (name && plausibleCommittee(name)) return name;
  }
  return null;
}

function looksLikeCommitteeName(text: string): boolean {
  if (text.length <= 60 && BODY_NAME.test(text)) return true;
  return (
    text.length <= 40 &&
    text.split(/\s+/).length <= 4 &&
    /\b[A-ZÆØÅ]{2,}/.test(text) &&
    /^[A-ZÆØÅ][\wÆØÅæøå-]*(?:\s+[\wÆØÅæøå-]+)*$/.test(text) &&
    !containsDate(text)
  );
}

function isAddressLike(text: string): boolean {
  return text.length <= 60 && /\d/.test(text) && !containsDate(text);
}

/** Reads the head of a document; `warnings` receives every line it could not place. */
export function parseHeader(
  lines: readonly DocLine[],
  options: HeaderOptions,
  warnings: string[],
): HeaderInfo {
  const info: HeaderInfo = {
    committee: null,
    minutes: false,
    date: null,
    start: null,
    end: null,
    place: null,
    room: null,
    participants: [],
    absent: [],
    titleLine: null,
    consumed: lines.length,
  };
  const titles: string[] = [];
  const timeValues: string[] = [];
  const endValues: string[] = [];
  const place: string[] = [];
  let placeOpen = false;
  let block: PeopleBlock | null = null;
  let previousBlank = true;
  const blocks: PeopleBlock[] = [];
  const closeBlock = () => {
    if (block) blocks.push(block);
    block = null;
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line) break;
    if (line.blank || line.separator) {
      if (options.compact && block) closeBlock();
      previousBlank = true;
      continue;
    }
    const directlyAfter = !previousBlank;
    previousBlank = false;
    // Contents without item numbers ("Title ........ 3"): the items are read from the body.
    if (CONTENTS_LINE.test(line.plain) || /^(?:indhold|indholdsfortegnelse)$/i.test(line.plain)) {
      continue;
    }
    const label = labelOf(line);
    const columnar = /\t|\S\s{2,}\S/.test(line.raw.trim()) || line.cells !== null;
    if (label && label.field) {
      closeBlock();
      placeOpen = false;
      switch (label.field) {
        case 'time':
        case 'end': {
          // "Start kl.: 15.00": the clock word is in the label, the time reader needs it.
          const value =
            /kl\.?$|tidspunkt$/i.test(label.name) && !/\bkl\b/i.test(label.value)
              ? `kl. ${label.value}`
              : label.value;
          (label.field === 'time' ? timeValues : endValues).push(value);
          break;
        }
        case 'place':
          if (label.value) place.push(label.value);
          placeOpen = true;
          break;
        case 'room':
          info.room = label.value || info.room;
          break;
        case 'committee':
          info.committee = label.value || info.committee;
          break;
        default:
          block = { field: label.field, inline: label.value, lines: [] };
      }
      continue;
    }
    // A title is short and no sentence; a long line with a date in it is text we must not swallow.
    const titleLike =
      !columnar &&
      line.plain.length <= 120 &&
      !/[.!?]$/.test(line.plain) &&
      (TITLE_WORDS.test(line.plain) || containsDate(line.plain));
    // Without a known layout only lines shaped like a person may continue a list: notes often
    // go straight on after "Til stede: …".
    const personShaped = columnar || (line.plain.length <= 80 && !/[.!?:]$/.test(line.plain));
    if (block && !titleLike && !label && (!options.compact || personShaped)) {
      block.lines.push(line);
      continue;
    }
    if (
      placeOpen &&
      !titleLike &&
      !label &&
      place.length < 4 &&
      (directlyAfter || isAddressLike(line.plain))
    ) {
      place.push(line.plain);
      continue;
    }
    closeBlock();
    placeOpen = false;
    const firstOfCompact = options.compact && titles.length === 0 && line.plain.length <= 150;
    if (titleLike || firstOfCompact) {
      if (options.compact && titles.length > 0) {
        info.consumed = i;
        break;
      }
      titles.push(line.plain);
      if (info.titleLine === null) info.titleLine = i;
      continue;
    }
    if (info.committee === null && !label && looksLikeCommitteeName(line.plain)) {
      info.committee = line.plain;
      continue;
    }
    if (options.compact) {
      info.consumed = i;
      break;
    }
    warnings.push(
      label
        ? `Oplysningen ${quote(line.plain)} i dokumentets hoved har ingen plads i importen.`
        : `Linjen ${quote(line.plain)} i dokumentets hoved blev ikke forstået.`,
    );
  }
  closeBlock();

  for (const b of blocks) {
    const people = parseParticipants(b.inline, b.lines);
    if (b.field === 'participants') info.participants.push(...people);
    else info.absent.push(...people);
  }
  info.place = place.length > 0 ? place.join(', ') : null;
  info.minutes = titles.some((t) => MINUTES_TITLE.test(t));
  if (info.committee === null) {
    for (const t of [...titles, ...options.furniture]) {
      info.committee = committeeFromTitle(t);
      if (info.committee) break;
    }
  }
  // A running header often is the body's name alone ("Socialudvalget").
  info.committee ??= options.furniture.find((t) => t.length <= 60 && BODY_NAME.test(t)) ?? null;
  const headLines = lines.slice(0, info.consumed).map((l) => l.plain);
  readMeetingTime(info, { timeValues, titles, furniture: options.furniture, headLines }, warnings);
  if (info.start && !info.end) {
    for (const value of endValues) {
      const end = findTimes(value).start;
      if (end && end > info.start) {
        info.end = end;
        break;
      }
    }
  }
  return info;
}

interface TimeSources {
  /** Values of "Tidspunkt:"/"Dato:" labels, the first place to look. */
  timeValues: readonly string[];
  titles: readonly string[];
  furniture: readonly string[];
  /** Every line of the head, only to find a missing year in. */
  headLines: readonly string[];
}

function readMeetingTime(info: HeaderInfo, sources: TimeSources, warnings: string[]): void {
  const { timeValues, titles, furniture, headLines } = sources;
  const elsewhere = [...titles, ...furniture, ...headLines];
  let found: { day: number; month: number; year: number | null; source: string } | null = null;
  for (const value of [...timeValues, ...titles, ...furniture]) {
    const d = findDate(value);
    if (d) {
      found = { ...d, source: value };
      break;
    }
  }
  for (const value of [...timeValues, ...titles]) {
    const d = findDate(value);
    const rest = d ? value.slice(0, d.index) + ' ' + value.slice(d.index + d.length) : value;
    const times = findTimes(rest);
    if (times.start) {
      info.start = times.start;
      info.end = times.end;
      break;
    }
  }
  if (!found) return;
  let year = found.year;
  if (year === null) {
    const sameDay = elsewhere
      .map((t) => findDate(t))
      .find((d) => d && d.year !== null && d.day === found.day && d.month === found.month);
    year = sameDay?.year ?? elsewhere.map(findYear).find((y) => y !== null) ?? null;
  }
  if (year === null) {
    warnings.push(
      `Mødets dato ${quote(found.source)} har intet årstal, og dokumentets hoved nævner heller ikke et.`,
    );
    return;
  }
  info.date = isoDateOf(year, found.month, found.day);
}
