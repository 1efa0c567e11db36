// Graph's event resource as Dagsorden reads it, checked with zod, and mapped to the
// domain's CalendarEvent: start and end ({dateTime, timeZone}; the zone is the one asked
// for with Prefer: outlook.timezone, else the event's own) become instants, the location
// becomes the place (a room split off only where it says "…, Lokale X"), the Teams link
// the online link.
import { z } from 'zod';
import type { CalendarEvent } from '../domain/calendar/ports';
import { fromLocal } from '../domain/shared/zoned-time';

const dateTimeTimeZone = z.object({ dateTime: z.string(), timeZone: z.string().nullish() });

export const graphEventSchema = z
  .object({
    id: z.string().min(1),
    iCalUId: z.string().nullish(),
    type: z.enum(['singleInstance', 'occurrence', 'exception', 'seriesMaster']).nullish(),
    seriesMasterId: z.string().nullish(),
    subject: z.string().nullish(),
    categories: z.array(z.string()).nullish(),
    start: dateTimeTimeZone.nullish(),
    end: dateTimeTimeZone.nullish(),
    isCancelled: z.boolean().nullish(),
    location: z.object({ displayName: z.string().nullish() }).passthrough().nullish(),
    onlineMeeting: z.object({ joinUrl: z.string().nullish() }).passthrough().nullish(),
    onlineMeetingUrl: z.string().nullish(),
  })
  .passthrough();

export type GraphEvent = z.infer<typeof graphEventSchema>;

/** An entry of a delta page that says the instance left the view (deleted, or changed out of it). */
export const removedSchema = z.object({ id: z.string().min(1), '@removed': z.object({ reason: z.string().nullish() }).passthrough() });

export const deltaPageSchema = z
  .object({
    value: z.array(z.record(z.string(), z.unknown())),
    '@odata.nextLink': z.string().optional(),
    '@odata.deltaLink': z.string().optional(),
  })
  .passthrough();

/** What creating an event answers (the fields Dagsorden keeps). */
export const createdEventSchema = z.object({ id: z.string().min(1), iCalUId: z.string().min(1) }).passthrough();

/**
 * Windows time zone names Outlook may use when no IANA name was asked for, to their IANA
 * zone (the same rules): the ones a Danish committee's calendar meets.
 */
const WINDOWS_ZONES: Record<string, string> = {
  'romance standard time': 'Europe/Copenhagen',
  'w. europe standard time': 'Europe/Berlin',
  'central europe standard time': 'Europe/Budapest',
  'central european standard time': 'Europe/Warsaw',
  'gmt standard time': 'Europe/London',
  'greenwich standard time': 'Atlantic/Reykjavik',
  'fle standard time': 'Europe/Helsinki',
  utc: 'UTC',
  'coordinated universal time': 'UTC',
  'tzone://microsoft/utc': 'UTC',
};

/** The IANA zone for a zone name Graph gives, or null when it is not one this can read. */
export function ianaZone(name: string | null | undefined): string | null {
  if (!name) return 'UTC';
  const known = WINDOWS_ZONES[name.trim().toLowerCase()];
  if (known) return known;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return name;
  } catch {
    return null;
  }
}

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** The instant of Graph's {dateTime, timeZone}, or null when either cannot be read. */
export function instantOf(value: { dateTime: string; timeZone?: string | null }): Date | null {
  const zone = ianaZone(value.timeZone);
  const m = LOCAL_DATE_TIME.exec(value.dateTime.trim());
  if (!zone || !m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((n) => Number(n ?? 0)) as [number, number, number, number, number, number];
  return fromLocal({ year, month, day, hour, minute, second }, zone);
}

/** "Viborg Rådhus, Mødelokale M5" → place and room; anything else is the place as written. */
export function splitLocation(displayName: string | null | undefined): { place: string | null; room: string | null } {
  const text = displayName?.replace(/\s+/g, ' ').trim();
  if (!text) return { place: null, room: null };
  const m = /^(.+?),\s*((?:møde)?(?:lokale|sal)\b.*|room\b.*)$/i.exec(text);
  return m ? { place: m[1]!.trim(), room: m[2]!.trim() } : { place: text, room: null };
}

function httpsUrl(value: string | null | undefined): string | null {
  const text = value?.trim();
  return text && /^https:\/\/\S+$/i.test(text) ? text : null;
}

/** True when the entry carries what a meeting needs (a delta entry may name only what changed). */
export function isComplete(event: GraphEvent): boolean {
  return Boolean(event.start && event.end && event.subject !== undefined);
}

/** The domain's event, or null when its start or end cannot be read. */
export function toCalendarEvent(event: GraphEvent): CalendarEvent | null {
  const startsAt = event.start ? instantOf(event.start) : null;
  const endsAt = event.end ? instantOf(event.end) : null;
  if (!startsAt || !endsAt) return null;
  return {
    eventId: event.id,
    iCalUId: event.iCalUId ?? null,
    type: event.type ?? 'singleInstance',
    seriesMasterId: event.seriesMasterId ?? null,
    subject: event.subject ?? '',
    categories: event.categories ?? [],
    startsAt,
    endsAt,
    ...splitLocation(event.location?.displayName),
    onlineUrl: httpsUrl(event.onlineMeeting?.joinUrl) ?? httpsUrl(event.onlineMeetingUrl),
    isCancelled: event.isCancelled ?? false,
  };
}
