// Dates and times as Danish committee documents write them: "30. oktober 2024",
// "Den 30. oktober" (year elsewhere), "21.08.2023", "kl. 12.00-13.45", "kl. 9-11", "12:00 – 13:45".

export interface FoundDate {
  day: number;
  month: number;
  year: number | null;
  /** Where the date was found in the searched text, so callers can look past it. */
  index: number;
  length: number;
}

/** The months' Danish names, January first. */
export const DANISH_MONTHS: readonly string[] = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

const MONTH_PREFIXES = [
  'jan',
  'feb',
  'mar',
  'apr',
  'maj',
  'jun',
  'jul',
  'aug',
  'sep',
  'okt',
  'nov',
  'dec',
];
const NAMED_DATE =
  /(?<![\d.])(\d{1,2})\.?\s*(januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|okt|nov|dec)(?![a-zæøå])\.?(?:,?\s+(\d{4})(?!\d))?/i;
const NUMERIC_DATE = /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})(?![\d])/;
const ISO_DATE = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/;
/** "17-01-2019", as some committee systems write a meeting's date (never a case number: four-digit year last). */
const DASHED_DATE = /(?<![\d-])(\d{1,2})-(\d{1,2})-(\d{4})(?![\d-])/;

function validDay(day: number, month: number, year: number | null): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year ?? 2024, month, 0)).getUTCDate();
  return day <= days;
}

function fullYear(text: string): number {
  const n = Number(text);
  return text.length === 2 ? 2000 + n : n;
}

/** The first date in the text, with or without a year; null when there is none. */
export function findDate(text: string): FoundDate | null {
  const found: FoundDate[] = [];
  const named = NAMED_DATE.exec(text);
  if (named) {
    const month = MONTH_PREFIXES.indexOf((named[2] ?? '').slice(0, 3).toLowerCase()) + 1;
    const year = named[3] ? Number(named[3]) : null;
    found.push({ day: Number(named[1]), month, year, index: named.index, length: named[0].length });
  }
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    found.push({
      day: Number(numeric[1]),
      month: Number(numeric[2]),
      year: fullYear(numeric[3] ?? ''),
      index: numeric.index,
      length: numeric[0].length,
    });
  }
  const dashed = DASHED_DATE.exec(text);
  if (dashed) {
    found.push({
      day: Number(dashed[1]),
      month: Number(dashed[2]),
      year: Number(dashed[3]),
      index: dashed.index,
      length: dashed[0].length,
    });
  }
  const iso = ISO_DATE.exec(text);
  if (iso) {
    found.push({
      day: Number(iso[3]),
      month: Number(iso[2]),
      year: Number(iso[1]),
      index: iso.index,
      length: iso[0].length,
    });
  }
  return (
    found.filter((d) => validDay(d.day, d.month, d.year)).sort((a, b) => a.index - b.index)[0] ??
    null
  );
}

/** True when the text holds a day and month (with or without a year). */
export function containsDate(text: string): boolean {
  return findDate(text) !== null;
}

/** A four-digit year standing on its own in the text (1990–2099), or null. */
export function findYear(text: string): number | null {
  const m = /(?<![\d.-])(19[9]\d|20\d\d)(?![\d])/.exec(text);
  return m ? Number(m[1]) : null;
}

/** YYYY-MM-DD. */
export function isoDateOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function clock(hours: string | undefined, minutes: string | undefined): string | null {
  const h = Number(hours);
  const m = minutes === undefined ? 0 : Number(minutes);
  if (!Number.isInteger(h) || h > 23 || m > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

const TIME_RANGE =
  /(?<![\d.,:])(kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?\s*(?:-|–|—|til)\s*(kl\.?\s*)?(\d{1,2})(?:[.:](\d{2}))?(?![\d])/i;
const SINGLE_TIME = /(?:\bkl\.?\s*(\d{1,2})(?:[.:](\d{2}))?|(?<![\d.])(\d{1,2}):(\d{2}))(?![\d])/i;

/** Start and end time ("kl. 12.00-13.45", "kl. 9-11", "12:00 – 13:45", "kl. 13"). */
export function findTimes(text: string): { start: string | null; end: string | null } {
  const range = TIME_RANGE.exec(text);
  // A bare "1-2" is a count, not a time: a range needs "kl." or minutes.
  if (range && (range[1] || range[4] || range[3] !== undefined || range[6] !== undefined)) {
    const start = clock(range[2], range[3]);
    const end = clock(range[5], range[6]);
    if (start && end) return { start, end };
  }
  const single = SINGLE_TIME.exec(text);
  if (single) {
    const start =
      single[1] !== undefined ? clock(single[1], single[2]) : clock(single[3], single[4]);
    return { start, end: null };
  }
  return { start: null, end: null };
}
