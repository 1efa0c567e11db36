// What a question names besides what it asks: an item ("punkt 1.2", "pkt. 3", "1.2"), a
// date ("12. januar", "i morgen", "mødet i januar"), a meeting ("næste møde", "sidste
// møde") and a subject ("hvad besluttede vi om takstaftalen" → "takstaftalen").
import { DANISH_MONTHS as MONTHS, findDate } from '../documents/danish-dates';
import { TIME } from './fold';

export interface DateEntity {
  /** Absent for "mødet i januar". */
  day: number | null;
  month: number;
  year: number | null;
}

export interface Entities {
  item?: string;
  date?: DateEntity;
  /** "i dag" / "i morgen": relative to the question's day, which only the caller knows. */
  relativeDay?: 0 | 1;
  meeting?: 'next' | 'last';
  /** As written (case kept), for searching. */
  subject?: string;
}

const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const ITEM = /\b(?:punkt|pkt|item|dagsordenspunkt)\.?\s*(\d{1,2}(?:\.\d{1,2}){0,2})(?![\d])/i;
const BARE_ITEM = /(?<![\d.])(\d{1,2}\.\d{1,2}(?:\.\d{1,2})?)(?![\d]|\.\d)/;

// The subject follows "om" ("about"); "beslutninger takst" is the exact command's form.
const SUBJECT = /(?:^|\s)(?:om|omkring|vedr\.?|vedrørende|vedrorende|angående|angaaende|about|regarding|concerning|on)\s+(.+)$/i;
const SEARCH_SUBJECT = /\b(?:beslutninger|decisions)\s+(?:efter|for|med)\s+(.+)$/i;
const SUBJECT_TAIL =
  /\s+(?:(?:på|paa|i|fra|ved|at|in|from)\s+(?:det\s+)?(?:sidste|seneste|forrige|tidligere|the\s+last|last|previous|earlier)\s+(?:møde|mode|moede|møder|meeting|meetings)|sidst|sidste gang|last time|i dassos|i styregruppen|in the committee)\s*$/i;
/** A leading article, which is no part of a subject ("den nye takststruktur"). */
export const SUBJECT_LEAD = /^(?:the|det|den|de)\s+(?=\S+\s)/i;

function subjectOf(text: string): string | undefined {
  const m = SEARCH_SUBJECT.exec(text) ?? SUBJECT.exec(text);
  if (!m?.[1]) return undefined;
  let s = m[1].replace(/[?!.«»"“”]+/g, ' ').replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 2; i++) s = s.replace(SUBJECT_TAIL, '').trim();
  s = s.replace(SUBJECT_LEAD, '').trim();
  return s.length >= 2 && s.length <= 200 ? s : undefined;
}

function dateOf(lower: string): { date?: DateEntity; relativeDay?: 0 | 1 } {
  const danish = lower.replace(/[a-z]+/g, (w) => {
    const i = EN_MONTHS.indexOf(w);
    return i >= 0 ? MONTHS[i]! : w;
  });
  const found = findDate(danish);
  if (found) return { date: { day: found.day, month: found.month, year: found.year } };
  if (/\bi morgen\b|\bimorgen\b|\btomorrow\b/.test(lower)) return { relativeDay: 1 };
  if (/\bi dag\b|\bidag\b|\btoday\b/.test(lower)) return { relativeDay: 0 };
  const month = /\b(?:i|in|for|fra|from)\s+([a-zæøå]+)\b/.exec(danish);
  const index = month ? MONTHS.indexOf(month[1]!) : -1;
  return index >= 0 ? { date: { day: null, month: index + 1, year: null } } : {};
}

/** The entities of a message, from its written text (mention and markup removed). */
export function extractEntities(text: string): Entities {
  const clipped = text.slice(0, 500);
  const lower = clipped.toLowerCase();
  const out: Entities = {};
  // A date ("6.1.2027") and a time ("kl. 13.00") hold numbers that look like items.
  const withoutTimes = clipped.replace(/\b\d{1,2}\.\s*\d{1,2}\.\s*\d{2,4}\b/g, ' ').replace(TIME, ' ');
  const item = ITEM.exec(withoutTimes)?.[1] ?? BARE_ITEM.exec(withoutTimes)?.[1];
  if (item) out.item = item;
  Object.assign(out, dateOf(lower));
  if (/\b(?:næste|naeste|naste|kommende|next|coming)\s+(?:møde|mode|moede|meeting)/.test(lower)) out.meeting = 'next';
  else if (/\b(?:sidste|seneste|forrige|last|previous)\s+(?:møde|mode|moede|meeting)/.test(lower)) out.meeting = 'last';
  const subject = subjectOf(clipped);
  if (subject) out.subject = subject;
  return out;
}
