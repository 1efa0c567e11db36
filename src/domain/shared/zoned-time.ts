// Wall-clock time in a named time zone (Europe/Copenhagen by default) to and from
// instants, with the platform's own time zone database (Intl) and no dependency.
import { BoundedMap } from './bounded-map';

export interface LocalDateTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second?: number;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = partsFormatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
    });
    partsFormatters.set(timeZone, f);
  }
  return f;
}

type Local = Required<LocalDateTime> & { weekday: number };

/** Instants already converted, per zone: the same meetings' times are converted on every turn. */
const MEMO_SIZE = 1024;
const memo = new BoundedMap<string, Local>(MEMO_SIZE);

/** The wall-clock fields of an instant in a time zone (weekday 0 = Sunday). */
export function toLocal(instant: Date, timeZone: string): Local {
  // A pure function of its arguments: a bounded memo (oldest out first), each caller its own copy.
  const key = `${timeZone}|${instant.getTime()}`;
  const known = memo.get(key);
  if (known) return { ...known };
  const local = convert(instant, timeZone);
  memo.set(key, local);
  return { ...local };
}

function convert(instant: Date, timeZone: string): Local {
  const parts = Object.fromEntries(
    partsFormatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: weekdays.indexOf(parts.weekday ?? ''),
  };
}

/** The instant at which the wall clock in timeZone shows the given local time. */
export function fromLocal(local: LocalDateTime, timeZone: string): Date {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second ?? 0);
  // Two passes settle the offset, also next to a daylight-saving change.
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const l = toLocal(new Date(guess), timeZone);
    const shown = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);
    guess += asUtc - shown;
  }
  return new Date(guess);
}

/** The local calendar date `days` days after (or before, if negative) the given one. */
export function addDays(date: { year: number; month: number; day: number }, days: number) {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** A form's "2026-12-03" and "14:30" in the zone as an instant; null when either is not one. */
export function fromLocalText(date: string, time: string, timeZone: string): Date | null {
  const d = DAY.exec(date);
  const t = CLOCK.exec(time);
  if (!d || !t) return null;
  return fromLocal({ year: Number(d[1]), month: Number(d[2]), day: Number(d[3]), hour: Number(t[1]), minute: Number(t[2]), second: Number(t[3] ?? 0) }, timeZone);
}
