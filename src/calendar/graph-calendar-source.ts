// A committee's Outlook calendar as rounds of calendarView/delta on Microsoft Graph:
//   GET /users/{mailbox}/calendarView/delta?startDateTime=…&endDateTime=…   (a fresh round)
//   GET @odata.nextLink … until a page carries @odata.deltaLink             (paging)
//   GET the stored @odata.deltaLink                                          (the next round)
// with Prefer: IdType="ImmutableId" (ids otherwise change when an event moves between
// folders), outlook.timezone (times in the committee's zone) and odata.maxpagesize. A
// round is returned only when it is complete; Graph's links are followed only on the
// configured Graph, so the token never goes anywhere else.
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type { Logger } from 'pino';
import {
  CalendarSourceError,
  SyncStateLostError,
  type CalendarChange,
  type CalendarRound,
  type CalendarSource,
  type CalendarWindow,
} from '../domain/calendar/ports';
import { deltaPageSchema, graphEventSchema, isComplete, removedSchema, toCalendarEvent, type GraphEvent } from './graph-event';
import { RequestCount } from './graph-transport';

/** Graph's error codes that mean "this deltaLink is no longer known: start over" (besides 410 Gone). */
const SYNC_STATE_LOST = new Set(['syncstatenotfound', 'syncstateinvalid', 'resyncrequired']);
/** A round longer than this is Graph (or a fake) going round in circles. */
const MAX_PAGES = 10_000;

export interface GraphCalendarSourceOptions {
  /** Events per page asked for (Prefer: odata.maxpagesize). */
  pageSize: number;
}

/** Graph's instant format: seconds, UTC. */
const graphInstant = (d: Date) => `${d.toISOString().slice(0, 19)}Z`;

export class GraphCalendarSource implements CalendarSource {
  private readonly root: string;

  constructor(
    private readonly client: Client,
    /** GRAPH_BASE_URL: the links Graph returns start with it. */
    baseUrl: string,
    private readonly log: Logger,
    private readonly options: GraphCalendarSourceOptions = { pageSize: 50 },
  ) {
    this.root = baseUrl.replace(/\/+$/, '');
  }

  async readRound(mailbox: string, from: { deltaLink: string | null; window: CalendarWindow; timeZone: string }): Promise<CalendarRound> {
    const counter = new RequestCount();
    const user = `/users/${encodeURIComponent(mailbox)}`;
    let path = from.deltaLink
      ? this.relative(from.deltaLink, counter)
      : `${user}/calendarView/delta?startDateTime=${graphInstant(from.window.start)}&endDateTime=${graphInstant(from.window.end)}`;
    const changes: CalendarChange[] = [];
    for (let page = 0; page < MAX_PAGES; page++) {
      const parsed = deltaPageSchema.safeParse(await this.get(path, from.timeZone, counter, true));
      if (!parsed.success) throw new CalendarSourceError(`a delta page Graph sent could not be read: ${parsed.error.issues[0]?.message}`, 200, null, counter.count);
      for (const entry of parsed.data.value) {
        const change = await this.changeOf(entry, user, from.timeZone, counter);
        if (change) changes.push(change);
      }
      const next = parsed.data['@odata.nextLink'];
      const delta = parsed.data['@odata.deltaLink'];
      if (next) {
        path = this.relative(next, counter);
      } else if (delta) {
        return { changes, deltaLink: delta, requests: counter.count };
      } else {
        throw new CalendarSourceError('a delta page had neither @odata.nextLink nor @odata.deltaLink', 200, null, counter.count);
      }
    }
    throw new CalendarSourceError(`the delta round did not end after ${MAX_PAGES} pages`, 200, null, counter.count);
  }

  /** An entry of a delta page as a change; an entry that names only what changed is read in full first. */
  private async changeOf(entry: Record<string, unknown>, user: string, timeZone: string, counter: RequestCount): Promise<CalendarChange | null> {
    const removed = removedSchema.safeParse(entry);
    if (removed.success) return { kind: 'removed', eventId: removed.data.id, reason: removed.data['@removed'].reason ?? 'deleted' };
    const parsed = graphEventSchema.safeParse(entry);
    if (!parsed.success) {
      this.log.warn({ problem: parsed.error.issues[0]?.message }, 'calendar: an entry Graph sent could not be read; left out');
      return null;
    }
    let event: GraphEvent | null = parsed.data;
    if (!isComplete(event)) {
      event = await this.fullEvent(`${user}/events/${encodeURIComponent(event.id)}`, timeZone, counter);
      if (!event) return { kind: 'removed', eventId: parsed.data.id, reason: 'deleted' };
    }
    const mapped = toCalendarEvent(event);
    if (!mapped) {
      this.log.warn({ eventId: event.id, start: event.start, end: event.end }, 'calendar: an event with a time zone or time that could not be read; left out');
      return null;
    }
    return { kind: 'event', event: mapped };
  }

  /** The event as it is now, or null when it is gone. */
  private async fullEvent(path: string, timeZone: string, counter: RequestCount): Promise<GraphEvent | null> {
    try {
      const parsed = graphEventSchema.safeParse(await this.get(path, timeZone, counter, false));
      return parsed.success ? parsed.data : null;
    } catch (err) {
      if (err instanceof CalendarSourceError && err.status === 404) return null;
      throw err;
    }
  }

  private async get(path: string, timeZone: string, counter: RequestCount, page: boolean): Promise<unknown> {
    const prefer = [`IdType="ImmutableId"`, `outlook.timezone="${timeZone}"`, ...(page ? [`odata.maxpagesize=${this.options.pageSize}`] : [])];
    try {
      return await this.client.api(path).header('Prefer', prefer.join(', ')).middlewareOptions([counter]).get();
    } catch (err) {
      throw sourceError(err, counter.count);
    }
  }

  /** A link Graph returned, as a path under the configured Graph (never another host). */
  private relative(link: string, counter: RequestCount): string {
    if (!link.toLowerCase().startsWith(`${this.root.toLowerCase()}/`)) {
      throw new CalendarSourceError('Graph returned a link outside the configured GRAPH_BASE_URL; not followed', null, null, counter.count);
    }
    return link.slice(this.root.length);
  }
}

/** A failed request as the domain's error: the deltaLink's loss, or Graph's refusal with its status and code. */
export function sourceError(err: unknown, requests: number): CalendarSourceError {
  if (err instanceof CalendarSourceError) return err;
  if (err instanceof GraphError) {
    const status = err.statusCode > 0 ? err.statusCode : null;
    const message = err.message || `HTTP ${err.statusCode}`;
    if (status === 410 || SYNC_STATE_LOST.has((err.code ?? '').toLowerCase())) return new SyncStateLostError(message, status, err.code, requests);
    return new CalendarSourceError(message, status, err.code, requests);
  }
  return new CalendarSourceError(err instanceof Error ? err.message : String(err), null, null, requests);
}
