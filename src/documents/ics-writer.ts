// The committee's meetings as an iCalendar file (RFC 5545) that calendars subscribe to:
// CRLF line ends, lines folded at 75 octets (never inside a UTF-8 character), TEXT values
// escaped, times in the committee's zone with its VTIMEZONE, and for each meeting a
// stable UID (Outlook's iCalUId where the meeting came from there), a SEQUENCE that rises
// with each change and STATUS:CANCELLED for a cancelled one, so subscribers see it
// cancelled instead of silently gone.
import type { CalendarFeed, FeedEvent } from '../domain/calendar/calendar.service';
import { toLocal } from '../domain/shared/zoned-time';
import { formatDate } from '../i18n/format';
import { langOf } from '../i18n/locale';
import { messages } from '../i18n/messages';

const CRLF = '\r\n';
const MAX_OCTETS = 75;

/** A TEXT value with its specials escaped (backslash, semicolon, comma, line breaks). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

/** A content line folded at 75 octets: the next part on a new line after one space; UTF-8 characters stay whole. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    // Continuation lines start with a space, which counts towards their 75.
    const limit = parts.length ? MAX_OCTETS - 1 : MAX_OCTETS;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const two = (n: number) => String(n).padStart(2, '0');

/** 20270114T130000Z */
export function utcStamp(instant: Date): string {
  return instant.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** 20270114T130000, wall-clock time in the zone. */
function localStamp(instant: Date, timeZone: string): string {
  const l = toLocal(instant, timeZone);
  return `${l.year}${two(l.month)}${two(l.day)}T${two(l.hour)}${two(l.minute)}${two(l.second)}`;
}

/** The zone's UTC offset in minutes at an instant. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const l = toLocal(instant, timeZone);
  return Math.round((Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second) - instant.getTime()) / 60_000);
}

/** "+0100" */
function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${two(Math.floor(abs / 60))}${two(abs % 60)}`;
}

/** The zone's short name at an instant ("CET", "CEST"), else its offset. */
function zoneName(instant: Date, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' }).formatToParts(instant).find((p) => p.type === 'timeZoneName');
  return part?.value && !/^(GMT|UTC)[+-]/.test(part.value) ? part.value : offsetText(offsetMinutes(instant, timeZone));
}

/**
 * The VTIMEZONE of a European zone: the EU's rule changes the clocks at 01:00 UTC on the
 * last Sunday of March and of October (Denmark's since 1996). Other zones with daylight
 * saving are not described; their times are written in UTC instead (null).
 */
export function vtimezone(timeZone: string, year: number): string[] | null {
  const winter = offsetMinutes(new Date(Date.UTC(year, 0, 15)), timeZone);
  const summer = offsetMinutes(new Date(Date.UTC(year, 6, 15)), timeZone);
  const block = (kind: 'STANDARD' | 'DAYLIGHT', start: string, from: number, to: number, name: string, rule?: string) => [
    `BEGIN:${kind}`,
    `DTSTART:${start}`,
    `TZOFFSETFROM:${offsetText(from)}`,
    `TZOFFSETTO:${offsetText(to)}`,
    `TZNAME:${name}`,
    ...(rule ? [`RRULE:${rule}`] : []),
    `END:${kind}`,
  ];
  const standardName = zoneName(new Date(Date.UTC(year, 0, 15)), timeZone);
  if (winter === summer) return ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, ...block('STANDARD', '19700101T000000', winter, winter, standardName), 'END:VTIMEZONE'];
  if (!timeZone.startsWith('Europe/') || summer - winter !== 60) return null;
  // The change happens at 01:00 UTC: the wall clock then shows 01:00 plus the offset before it.
  const at = (offset: number) => `T${two(1 + offset / 60)}0000`;
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${timeZone}`,
    ...block('DAYLIGHT', `19700329${at(winter)}`, winter, summer, zoneName(new Date(Date.UTC(year, 6, 15)), timeZone), 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU'),
    ...block('STANDARD', `19701025${at(summer)}`, summer, winter, standardName, 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU'),
    'END:VTIMEZONE',
  ];
}

/** The feed as an .ics file. */
export function writeIcs(feed: CalendarFeed, now: Date = new Date()): string {
  const lang = langOf(feed.locale);
  const t = messages(lang).cal;
  const zone = vtimezone(feed.timeZone, now.getUTCFullYear());
  const when = (instant: Date, name: string) => (zone ? `${name};TZID=${feed.timeZone}:${localStamp(instant, feed.timeZone)}` : `${name}:${utcStamp(instant)}`);
  const event = (e: FeedEvent): string[] => {
    const summary = e.title ?? t.feedSummary(feed.committee);
    const description = [t.feedDeadline(formatDate(e.deadline, lang, feed.timeZone)), e.onlineUrl ? t.feedOnline(e.onlineUrl) : null].filter(Boolean).join('\n');
    return [
      'BEGIN:VEVENT',
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${utcStamp(e.stamp)}`,
      `SEQUENCE:${e.sequence}`,
      when(e.startsAt, 'DTSTART'),
      when(e.endsAt, 'DTEND'),
      `SUMMARY:${escapeText(e.cancelled ? t.feedCancelled(summary) : summary)}`,
      ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
      ...(e.onlineUrl ? [`URL:${e.onlineUrl}`] : []),
      `DESCRIPTION:${escapeText(description)}`,
      `STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
      `TRANSP:${e.cancelled ? 'TRANSPARENT' : 'OPAQUE'}`,
      'END:VEVENT',
    ];
  };
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Dagsorden//Dagsorden//DA',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(t.feedName(feed.committee))}`,
    `NAME:${escapeText(t.feedName(feed.committee))}`,
    `X-WR-TIMEZONE:${feed.timeZone}`,
    // How often subscribers should look again (RFC 7986, and Outlook's older name for it).
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...(zone ?? []),
    ...feed.events.flatMap(event),
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
