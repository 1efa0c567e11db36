// Dates and times as the committees write them: "tirsdag den 11. august 2026 kl.
// 11.00–13.00" in Danish, "Tuesday 11 August 2026, 11:00–13:00" in English.
import { BoundedMap } from '../domain/shared/bounded-map';
import type { Lang } from './locale';

const cache = new Map<string, Intl.DateTimeFormat>();
/** Texts already formatted: the same few meeting dates are written on every card, and Intl's format() is the slow part. */
const MAX_TEXTS = 5000;
const texts = new BoundedMap<string, string>(MAX_TEXTS);

function formatter(lang: Lang, timeZone: string, options: Intl.DateTimeFormatOptions) {
  const key = `${lang}|${timeZone}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { timeZone, ...options });
    cache.set(key, f);
  }
  const intl = f;
  return {
    format(date: Date): string {
      const at = `${key}|${date.getTime()}`;
      let text = texts.get(at);
      if (text === undefined) {
        text = intl.format(date);
        texts.set(at, text);
      }
      return text;
    },
  };
}

/** "tirsdag den 11. august 2026" / "Tuesday 11 August 2026". */
export function formatDate(date: Date, lang: Lang, timeZone: string): string {
  const text = formatter(lang, timeZone, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
  return lang === 'en' ? text.replace(',', '') : text;
}

/** "11. august 2026" / "11 August 2026". */
export function formatShortDate(date: Date, lang: Lang, timeZone: string): string {
  return formatter(lang, timeZone, { day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** "11.00" / "11:00". */
export function formatTime(date: Date, lang: Lang, timeZone: string): string {
  const text = formatter(lang, timeZone, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(date);
  return lang === 'da' ? text.replace(':', '.') : text.replace('.', ':');
}

/** A deadline: "fredag den 4. december 2026 12.00" / "Friday 4 December 2026 12:00". */
export function formatDateTime(date: Date, lang: Lang, timeZone: string): string {
  return `${formatDate(date, lang, timeZone)} ${formatTime(date, lang, timeZone)}`;
}

/** "kl. 11.00–13.00" / "11:00–13:00". */
export function formatTimeSpan(start: Date, end: Date, lang: Lang, timeZone: string): string {
  const span = `${formatTime(start, lang, timeZone)}–${formatTime(end, lang, timeZone)}`;
  return lang === 'da' ? `kl. ${span}` : span;
}

/** "tirsdag den 11. august 2026 kl. 11.00–13.00". */
export function formatMeetingWhen(start: Date, end: Date, lang: Lang, timeZone: string): string {
  const sep = lang === 'da' ? ' ' : ', ';
  return `${formatDate(start, lang, timeZone)}${sep}${formatTimeSpan(start, end, lang, timeZone)}`;
}

/** A calendar day written YYYY-MM-DD: "7. juni 2026" / "7 June 2026". */
export function formatDay(isoDate: string, lang: Lang): string {
  // Noon UTC is the same day in every time zone the committees are in.
  return formatShortDate(new Date(`${isoDate}T12:00:00Z`), lang, 'UTC');
}
