// The .ics feed as RFC 5545 wants it: CRLF, lines folded at 75 octets without splitting a
// UTF-8 character, TEXT escaped, the committee's zone with its daylight-saving rules, and
// per meeting a stable UID, SEQUENCE and STATUS.
import { escapeText, foldLine, vtimezone, writeIcs } from '../../src/documents/ics-writer';
import type { CalendarFeed, FeedEvent } from '../../src/domain/calendar/calendar.service';

const event: FeedEvent = {
  uid: '040000008200E00074C5B7101A82E008000000001',
  sequence: 2,
  stamp: new Date('2026-11-20T09:15:00Z'),
  title: 'DASSOS møde',
  // Winter: 13.00 in Copenhagen is 12.00 UTC.
  startsAt: new Date('2027-01-14T12:00:00Z'),
  endsAt: new Date('2027-01-14T14:00:00Z'),
  location: 'Viborg Rådhus, Mødelokale M5',
  onlineUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
  cancelled: false,
  deadline: new Date('2026-12-03T22:59:59Z'),
};
const feed: CalendarFeed = { committee: 'DASSOS', timeZone: 'Europe/Copenhagen', locale: 'da-DK', events: [event] };

/** The content lines, unfolded. */
function lines(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n');
}

describe('ics writer', () => {
  it('escapes backslash, semicolon, comma and line breaks in TEXT', () => {
    expect(escapeText('a\\b; c, d\ne\r\nf')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
  });

  it('folds at 75 octets, continuation lines start with a space, and never splits a UTF-8 character', () => {
    // Two-byte letters and four-byte emoji, so a cut at 75 octets would fall inside one.
    const line = `SUMMARY:${'æøå😀'.repeat(20)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const [i, part] of parts.entries()) {
      expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) expect(part.startsWith(' ')).toBe(true);
      // No character was cut in two: no half of a surrogate pair is left at either end.
      expect(part).not.toMatch(/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/);
    }
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(foldLine('SHORT:x')).toBe('SHORT:x');
  });

  it('describes Copenhagen\'s zone with the EU\'s daylight-saving rules', () => {
    expect(vtimezone('Europe/Copenhagen', 2027)).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Copenhagen',
      'BEGIN:DAYLIGHT',
      'DTSTART:19700329T020000',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0200',
      'TZNAME:CEST',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'DTSTART:19701025T030000',
      'TZOFFSETFROM:+0200',
      'TZOFFSETTO:+0100',
      'TZNAME:CET',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
    // A zone whose rules it does not know is left out (times are then written in UTC).
    expect(vtimezone('America/New_York', 2027)).toBeNull();
  });

  it('writes each meeting with its UID, SEQUENCE, wall-clock times in the zone, place, link and deadline', () => {
    const ics = writeIcs(feed, new Date('2026-11-22T11:00:00Z'));
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const all = lines(ics);
    expect(all.slice(0, 5)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Dagsorden//Dagsorden//DA', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']);
    expect(all).toContain('X-WR-CALNAME:DASSOS – møder');
    expect(all).toContain('TZID:Europe/Copenhagen');
    const vevent = all.slice(all.indexOf('BEGIN:VEVENT'), all.indexOf('END:VEVENT') + 1);
    expect(vevent).toEqual([
      'BEGIN:VEVENT',
      'UID:040000008200E00074C5B7101A82E008000000001',
      'DTSTAMP:20261120T091500Z',
      'SEQUENCE:2',
      'DTSTART;TZID=Europe/Copenhagen:20270114T130000',
      'DTEND;TZID=Europe/Copenhagen:20270114T150000',
      'SUMMARY:DASSOS møde',
      'LOCATION:Viborg Rådhus\\, Mødelokale M5',
      'URL:https://teams.microsoft.com/l/meetup-join/abc',
      'DESCRIPTION:Punkter kan meldes ind senest torsdag den 3. december 2026.\\nDeltag online: https://teams.microsoft.com/l/meetup-join/abc',
      'STATUS:CONFIRMED',
      'TRANSP:OPAQUE',
      'END:VEVENT',
    ]);
    expect(all.at(-2)).toBe('END:VCALENDAR');
  });

  it('keeps the wall-clock time across the change to summer time, and marks a cancelled meeting', () => {
    // 10.00 in Copenhagen after the last Sunday of March is 08.00 UTC.
    const summer: FeedEvent = { ...event, uid: 'm2@dagsorden', title: null, startsAt: new Date('2027-03-29T08:00:00Z'), endsAt: new Date('2027-03-29T10:00:00Z'), cancelled: true, onlineUrl: null, location: null };
    const all = lines(writeIcs({ ...feed, events: [summer] }, new Date('2026-11-22T11:00:00Z')));
    expect(all).toContain('DTSTART;TZID=Europe/Copenhagen:20270329T100000');
    expect(all).toContain('STATUS:CANCELLED');
    expect(all).toContain('SUMMARY:Aflyst: Møde i DASSOS');
    expect(all.some((l) => l.startsWith('LOCATION'))).toBe(false);
  });

  it('writes times in UTC for a zone it has no rules for', () => {
    const all = lines(writeIcs({ ...feed, timeZone: 'America/New_York', locale: 'en-GB' }, new Date('2026-11-22T11:00:00Z')));
    expect(all).toContain('DTSTART:20270114T120000Z');
    expect(all.some((l) => l.startsWith('BEGIN:VTIMEZONE'))).toBe(false);
    expect(all).toContain('X-WR-CALNAME:DASSOS – meetings');
  });
});
