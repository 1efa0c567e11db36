// Writes a meeting entered in Dagsorden into the committee's Outlook calendar
// (POST /users/{mailbox}/events; needs Calendars.ReadWrite, so only with CALENDAR_WRITE).
// The event carries the committee's match as its category and subject prefix, so the
// calendar sync recognises it, and the meeting's id as transactionId, so a retried POST
// never makes a second event.
import type { Client } from '@microsoft/microsoft-graph-client';
import type { CalendarRepository } from '../domain/calendar/ports';
import type { CreatedEvent, OutlookEventWriter } from '../domain/calendar/outlook-events';
import type { Committee, Meeting } from '../domain/shared/types';
import { toLocal } from '../domain/shared/zoned-time';
import { langOf } from '../i18n/locale';
import { messages } from '../i18n/messages';
import { sourceError } from './graph-calendar-source';
import { createdEventSchema } from './graph-event';
import { RequestCount } from './graph-transport';
import { CalendarSourceError } from '../domain/calendar/ports';

/** Graph's local date-time: "2027-01-14T13:00:00" in the zone named beside it. */
function localDateTime(instant: Date, timeZone: string): string {
  const l = toLocal(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${l.year}-${two(l.month)}-${two(l.day)}T${two(l.hour)}:${two(l.minute)}:${two(l.second)}`;
}

export class GraphEventWriter implements OutlookEventWriter {
  constructor(
    private readonly client: Client,
    private readonly calendars: Pick<CalendarRepository, 'calendarOf'>,
    /** CALENDAR_WRITE: the app may write to the committees' calendars. */
    private readonly enabled: boolean,
  ) {}

  async createEvent(committee: Committee, meeting: Meeting): Promise<CreatedEvent | null> {
    const calendar = await this.calendars.calendarOf(committee.id);
    if (!this.enabled || !calendar?.mailbox) return null;
    const t = messages(langOf(committee.locale)).cal;
    const match = calendar.match?.trim() || null;
    const title = meeting.title ?? t.eventSubject(committee.name);
    const subject = match && !title.toLocaleLowerCase('da').startsWith(match.toLocaleLowerCase('da')) ? `${match}: ${title}` : title;
    const tz = committee.timeZone;
    const body = {
      subject,
      start: { dateTime: localDateTime(meeting.startsAt, tz), timeZone: tz },
      end: { dateTime: localDateTime(meeting.endsAt, tz), timeZone: tz },
      ...(meeting.place ? { location: { displayName: [meeting.place, meeting.room].filter(Boolean).join(', ') } } : {}),
      ...(match ? { categories: [match] } : {}),
      body: { contentType: 'text', content: t.eventBody(meeting.onlineUrl) },
      transactionId: meeting.id,
    };
    const counter = new RequestCount();
    let answer: unknown;
    try {
      answer = await this.client
        .api(`/users/${encodeURIComponent(calendar.mailbox)}/events`)
        .header('Prefer', 'IdType="ImmutableId"')
        .middlewareOptions([counter])
        .post(body);
    } catch (err) {
      throw sourceError(err, counter.count);
    }
    const created = createdEventSchema.safeParse(answer);
    if (!created.success) throw new CalendarSourceError('Graph created the event but its answer could not be read', 201, null, counter.count);
    return { eventId: created.data.id, iCalUId: created.data.iCalUId };
  }
}
