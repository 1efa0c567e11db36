// A small stand-in for Microsoft Graph's calendar of one or more mailboxes, answering the
// way Graph does (field names and shapes as in Microsoft's documentation):
//
//   GET  /v1.0/users/{mailbox}/calendarView/delta?startDateTime=…&endDateTime=…
//   GET  …/calendarView/delta?$skiptoken=…     (the next page of a round)
//   GET  …/calendarView/delta?$deltatoken=…    (the next round: only what changed, and "@removed")
//   GET  /v1.0/users/{mailbox}/events/{id}
//   POST /v1.0/users/{mailbox}/events
//
// The calendar is mutable: single events, weekly series expanded into occurrences (type
// "occurrence", seriesMasterId) with exceptions (type "exception") and deleted
// occurrences, cancelled events (isCancelled) and deleted ones. A round is fixed when it
// starts and paged by Prefer: odata.maxpagesize through @odata.nextLink ($skiptoken); its
// last page carries @odata.deltaLink ($deltatoken). Times come in the zone asked for with
// Prefer: outlook.timezone (else UTC). Faults can be queued (429 with Retry-After, 503,
// 500, 410 Gone) or made periodic; every request is logged with its Prefer headers.
// The channels' Files (filesFolder, uploads) are in fake-graph-files.ts.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { addDays, fromLocal, toLocal } from '../../src/domain/shared/zoned-time';
import { fakeChannelFiles, type FakeChannelFiles } from './fake-graph-files';

/** The calendar's own zone: events are defined in its wall-clock time. */
const ZONE = 'Europe/Copenhagen';

export interface FakeEventInput {
  id?: string;
  iCalUId?: string;
  subject: string;
  categories?: string[];
  /** Local time in Europe/Copenhagen: "2027-01-14T13:00". */
  start: string;
  end: string;
  location?: string | null;
  joinUrl?: string | null;
  isCancelled?: boolean;
  /** A weekly series: `count` occurrences, every `everyWeeks` weeks from `start`. */
  weekly?: { everyWeeks: number; count: number };
}

interface StoredEvent extends Required<Omit<FakeEventInput, 'weekly' | 'location' | 'joinUrl'>> {
  location: string | null;
  joinUrl: string | null;
  weekly: { everyWeeks: number; count: number } | null;
  changedAt: number;
  /** Occurrence index → what differs from the series (an exception). */
  exceptions: Map<number, Partial<FakeEventInput> & { changedAt: number }>;
  /** Occurrences deleted from the series. */
  deleted: Set<number>;
  transactionId: string | null;
}

/** An instance of the calendar view (a single event, an occurrence or an exception). */
interface Instance {
  id: string;
  iCalUId: string;
  type: 'singleInstance' | 'occurrence' | 'exception';
  seriesMasterId: string | null;
  subject: string;
  categories: string[];
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  joinUrl: string | null;
  isCancelled: boolean;
  changedAt: number;
}

export interface Fault {
  status: number;
  retryAfter?: string;
  code?: string;
  message?: string;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  prefer: string;
  authorization: string | null;
  /** The status answered. */
  status: number;
  body: unknown;
}

interface DeltaState {
  start: Date;
  end: Date;
  /** The change clock when the round was read: later changes belong to the next round. */
  at: number;
  ids: Set<string>;
}

interface RoundPages {
  entries: Array<Record<string, unknown>>;
  offset: number;
  next: DeltaState;
  mailbox: string;
}

export interface FakeGraph {
  /** e.g. http://127.0.0.1:1234/v1.0 (GRAPH_BASE_URL). */
  url: string;
  requests: LoggedRequest[];
  /** Mailboxes that exist; requests for others answer 404 ErrorInvalidUser. */
  mailboxes: Set<string>;
  /** Mailboxes the app may not read (an application access policy): 403 ErrorAccessDenied. */
  denied: Set<string>;
  /** Answer the next requests with these, one each, before anything else. */
  faults: Fault[];
  /** Answers the request with this number (1 = the first the fake ever got) with the fault. */
  failAt(requestNumber: number, fault: Fault): void;
  /** Every n-th request is answered 429 with Retry-After: 0 (deterministic throttling); 0: never. */
  throttleEvery: number;
  /** Changed instances in a later round carry only their id (Graph may send only what changed). */
  partialUpdates: boolean;
  add(event: FakeEventInput): string;
  update(id: string, change: Partial<FakeEventInput>): void;
  /** Changes one occurrence of a series: it becomes an exception. */
  updateOccurrence(seriesId: string, index: number, change: Partial<FakeEventInput>): void;
  /** Deletes one occurrence of a series. */
  deleteOccurrence(seriesId: string, index: number): void;
  /** Deletes an event (a series: with all its occurrences). */
  remove(id: string): void;
  /** The instance ids of a series, in order. */
  occurrenceIds(seriesId: string): string[];
  /** The iCalUId of an event or instance. */
  iCalUIdOf(id: string): string;
  /** Forgets every deltaLink handed out: the next round with one answers 410 Gone. */
  expireDeltaLinks(): void;
  /** Events created through POST /events. */
  created(): string[];
  /** The teams' channels and their Files. */
  files: FakeChannelFiles;
  close(): Promise<void>;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function parseLocal(text: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(text);
  if (!m) throw new Error(`fake graph: bad local time ${text}`);
  const [year, month, day, hour, minute, second] = m.slice(1).map((n) => Number(n ?? 0)) as [number, number, number, number, number, number];
  return fromLocal({ year, month, day, hour, minute, second }, ZONE);
}

/** The local wall-clock time `weeks` weeks later (a series keeps its time across daylight saving). */
function weeksLater(local: string, weeks: number): string {
  const d = toLocal(parseLocal(local), ZONE);
  const day = addDays(d, weeks * 7);
  return `${day.year}-${pad(day.month)}-${pad(day.day)}T${pad(d.hour)}:${pad(d.minute)}`;
}

/** Graph's {dateTime, timeZone} of an instant, in the zone asked for. */
function graphTime(instant: Date, zone: string | null): { dateTime: string; timeZone: string } {
  if (!zone || zone.toUpperCase() === 'UTC') return { dateTime: `${instant.toISOString().slice(0, 19)}.0000000`, timeZone: 'UTC' };
  const l = toLocal(instant, zone);
  return { dateTime: `${l.year}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}:${pad(l.second)}.0000000`, timeZone: zone };
}

function eventResource(i: Instance, zone: string | null, mailbox: string): Record<string, unknown> {
  return {
    '@odata.type': '#microsoft.graph.event',
    '@odata.etag': `W/"DwAAABYAAAB${i.changedAt}"`,
    id: i.id,
    createdDateTime: '2026-11-01T09:00:00.0000000Z',
    lastModifiedDateTime: '2026-11-20T09:00:00.0000000Z',
    changeKey: `DwAAABYAAAB${i.changedAt}`,
    categories: i.categories,
    transactionId: null,
    originalStartTimeZone: 'Romance Standard Time',
    originalEndTimeZone: 'Romance Standard Time',
    iCalUId: i.iCalUId,
    uid: i.seriesMasterId ? i.iCalUId.replace(/-\d{8}$/, '') : i.iCalUId,
    reminderMinutesBeforeStart: 15,
    isReminderOn: true,
    hasAttachments: false,
    subject: i.subject,
    bodyPreview: '',
    importance: 'normal',
    sensitivity: 'normal',
    isAllDay: false,
    isCancelled: i.isCancelled,
    isOrganizer: true,
    responseRequested: true,
    seriesMasterId: i.seriesMasterId,
    showAs: 'busy',
    type: i.type,
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(i.id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: Boolean(i.joinUrl),
    onlineMeetingProvider: i.joinUrl ? 'teamsForBusiness' : 'unknown',
    allowNewTimeProposals: true,
    occurrenceId: null,
    isDraft: false,
    hideAttendees: false,
    responseStatus: { response: 'organizer', time: '0001-01-01T00:00:00Z' },
    body: { contentType: 'html', content: '' },
    start: graphTime(i.startsAt, zone),
    end: graphTime(i.endsAt, zone),
    location: i.location
      ? { displayName: i.location, locationType: 'default', uniqueId: i.location, uniqueIdType: 'private' }
      : { displayName: '', locationType: 'default', uniqueIdType: 'unknown', address: {}, coordinates: {} },
    locations: i.location ? [{ displayName: i.location, locationType: 'default', uniqueId: i.location, uniqueIdType: 'private' }] : [],
    recurrence: null,
    attendees: [],
    organizer: { emailAddress: { name: 'Sekretariatet', address: mailbox } },
    onlineMeeting: i.joinUrl ? { joinUrl: i.joinUrl } : null,
  };
}

/** The values in a Prefer header ("a, b=c, d=\"e\"") by name, lower-cased. */
function preferences(header: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of header.split(',')) {
    const [name, ...rest] = part.trim().split('=');
    if (name) out.set(name.trim().toLowerCase(), rest.join('=').trim().replace(/^"|"$/g, ''));
  }
  return out;
}

export async function startFakeGraph(options: { mailboxes?: string[] } = {}): Promise<FakeGraph> {
  const events = new Map<string, StoredEvent>();
  const deltaStates = new Map<string, DeltaState>();
  const rounds = new Map<string, RoundPages>();
  const created: string[] = [];
  let clock = 1;
  let nextId = 1;
  let nextToken = 1;
  const requests: LoggedRequest[] = [];
  const scheduled = new Map<number, Fault>();

  const stored = (id: string): StoredEvent => {
    const e = events.get(id);
    if (!e) throw new Error(`fake graph: no event ${id}`);
    return e;
  };

  function instancesOf(e: StoredEvent): Instance[] {
    const base = (start: string, end: string, over: Partial<FakeEventInput>, id: string, iCalUId: string, type: Instance['type'], changedAt: number): Instance => ({
      id,
      iCalUId,
      type,
      seriesMasterId: type === 'singleInstance' ? null : e.id,
      subject: over.subject ?? e.subject,
      categories: over.categories ?? e.categories,
      startsAt: parseLocal(over.start ?? start),
      endsAt: parseLocal(over.end ?? end),
      location: over.location !== undefined ? over.location : e.location,
      joinUrl: over.joinUrl !== undefined ? over.joinUrl : e.joinUrl,
      isCancelled: over.isCancelled ?? e.isCancelled,
      changedAt,
    });
    if (!e.weekly) return [base(e.start, e.end, {}, e.id, e.iCalUId, 'singleInstance', e.changedAt)];
    const out: Instance[] = [];
    for (let n = 0; n < e.weekly.count; n++) {
      if (e.deleted.has(n)) continue;
      const start = weeksLater(e.start, n * e.weekly.everyWeeks);
      const end = weeksLater(e.end, n * e.weekly.everyWeeks);
      const day = start.slice(0, 10).replace(/-/g, '');
      const exception = e.exceptions.get(n);
      out.push(base(start, end, exception ?? {}, `${e.id}_OCC${day}`, `${e.iCalUId}-${day}`, exception ? 'exception' : 'occurrence', Math.max(e.changedAt, exception?.changedAt ?? 0)));
    }
    return out;
  }

  const allInstances = () => [...events.values()].flatMap(instancesOf);
  const inWindow = (i: Instance, start: Date, end: Date) => i.startsAt < end && i.endsAt > start;

  function add(input: FakeEventInput): string {
    const id = input.id ?? `AAMkADdhZmFrZS1ncmFwaABGAAAAAAD${pad(nextId++, 6)}AAA=`;
    events.set(id, {
      id,
      iCalUId: input.iCalUId ?? `040000008200E00074C5B7101A82E00800000000${pad(nextId, 8)}`,
      subject: input.subject,
      categories: input.categories ?? [],
      start: input.start,
      end: input.end,
      location: input.location ?? null,
      joinUrl: input.joinUrl ?? null,
      isCancelled: input.isCancelled ?? false,
      weekly: input.weekly ?? null,
      changedAt: clock++,
      exceptions: new Map(),
      deleted: new Set(),
      transactionId: null,
    });
    return id;
  }

  /** Answers one request; returns the status and body. */
  function answer(method: string, url: URL, prefer: Map<string, string>, body: unknown, base: string): { status: number; body: unknown; headers?: Record<string, string> } {
    const match = /^\/v1\.0\/users\/([^/]+)\/(calendarView\/delta|events)(?:\/([^/]+))?$/.exec(url.pathname);
    if (!match) return { status: 400, body: { error: { code: 'BadRequest', message: `Resource not found for the segment '${url.pathname}'.` } } };
    const mailbox = decodeURIComponent(match[1]!);
    const resource = match[2]!;
    if (!fake.mailboxes.has(mailbox.toLowerCase())) {
      return { status: 404, body: { error: { code: 'ErrorInvalidUser', message: `The requested user '${mailbox}' is invalid.` } } };
    }
    if (fake.denied.has(mailbox.toLowerCase())) {
      return { status: 403, body: { error: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' } } };
    }
    const zone = prefer.get('outlook.timezone') ?? null;
    if (resource === 'events' && method === 'POST') return createEvent(mailbox, body, zone);
    if (resource === 'events' && method === 'GET' && match[3]) {
      const id = decodeURIComponent(match[3]);
      const instance = allInstances().find((i) => i.id === id);
      if (!instance) return { status: 404, body: { error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' } } };
      return { status: 200, body: { '@odata.context': `${base}/$metadata#users('${mailbox}')/events/$entity`, ...eventResource(instance, zone, mailbox) } };
    }
    if (resource !== 'calendarView/delta' || method !== 'GET') return { status: 405, body: { error: { code: 'ErrorInvalidRequest', message: 'The OData request is not supported.' } } };
    const pageSize = Math.max(1, Math.min(1000, Number(prefer.get('odata.maxpagesize') ?? 10)));
    const params = new Map([...url.searchParams.entries()].map(([k, v]) => [k.toLowerCase(), v]));
    let pages: RoundPages;
    const skip = params.get('$skiptoken');
    const delta = params.get('$deltatoken');
    if (skip) {
      const found = rounds.get(skip);
      if (!found) return { status: 400, body: { error: { code: 'ErrorInvalidSkipToken', message: 'The skip token is not valid.' } } };
      rounds.delete(skip);
      pages = found;
    } else if (delta) {
      const state = deltaStates.get(delta);
      if (!state) return { status: 410, body: { error: { code: 'SyncStateNotFound', message: 'The sync state generation is not found.' } } };
      pages = startRound(mailbox, state.start, state.end, state, zone);
    } else {
      const start = params.get('startdatetime');
      const end = params.get('enddatetime');
      if (!start || !end) return { status: 400, body: { error: { code: 'ErrorInvalidParameter', message: "This request requires a time window specified by the query string parameters StartDateTime and EndDateTime." } } };
      pages = startRound(mailbox, new Date(start), new Date(end), null, zone);
    }
    const value = pages.entries.slice(pages.offset, pages.offset + pageSize);
    const path = `${base}/users/${encodeURIComponent(mailbox)}/calendarView/delta`;
    const out: Record<string, unknown> = { '@odata.context': `${base}/$metadata#Collection(event)` };
    if (pages.offset + pageSize < pages.entries.length) {
      const token = `R0usmc${pad(nextToken++, 8)}Sk`;
      rounds.set(token, { ...pages, offset: pages.offset + pageSize });
      out['@odata.nextLink'] = `${path}?$skiptoken=${token}`;
    } else {
      const token = `R0usmc${pad(nextToken++, 8)}Dt`;
      deltaStates.set(token, pages.next);
      out['@odata.deltaLink'] = `${path}?$deltatoken=${token}`;
    }
    out.value = value;
    return { status: 200, body: out };
  }

  /** A round's entries, fixed now: everything in the window, or (from a deltaLink) what changed since and what left. */
  function startRound(mailbox: string, start: Date, end: Date, since: DeltaState | null, zone: string | null): RoundPages {
    const now = allInstances().filter((i) => inWindow(i, start, end));
    const ids = new Set(now.map((i) => i.id));
    const entries: Array<Record<string, unknown>> = [];
    for (const i of now) {
      if (since && i.changedAt <= since.at) continue;
      const isNew = !since || !since.ids.has(i.id);
      entries.push(fake.partialUpdates && !isNew ? { '@odata.type': '#microsoft.graph.event', '@odata.etag': `W/"DwAAABYAAAB${i.changedAt}"`, id: i.id } : eventResource(i, zone, mailbox));
    }
    if (since) {
      const existing = new Set(allInstances().map((i) => i.id));
      for (const id of since.ids) {
        if (!ids.has(id)) entries.push({ '@odata.type': '#microsoft.graph.event', id, '@removed': { reason: existing.has(id) ? 'changed' : 'deleted' } });
      }
    }
    return { entries, offset: 0, next: { start, end, at: clock - 1, ids }, mailbox };
  }

  function createEvent(mailbox: string, body: unknown, zone: string | null) {
    const b = body as { subject?: string; start?: { dateTime: string; timeZone: string }; end?: { dateTime: string; timeZone: string }; location?: { displayName?: string }; categories?: string[]; transactionId?: string };
    if (!b?.start?.dateTime || !b.end?.dateTime) return { status: 400, body: { error: { code: 'ErrorInvalidRequest', message: 'Your request can\'t be completed. An event needs a start and an end.' } } };
    const existing = b.transactionId ? [...events.values()].find((e) => e.transactionId === b.transactionId) : undefined;
    const toLocalText = (t: { dateTime: string; timeZone: string }) => {
      const instant = t.timeZone.toUpperCase() === 'UTC' ? new Date(`${t.dateTime.slice(0, 19)}Z`) : fromLocalIn(t.dateTime, t.timeZone);
      const l = toLocal(instant, ZONE);
      return `${l.year}-${pad(l.month)}-${pad(l.day)}T${pad(l.hour)}:${pad(l.minute)}`;
    };
    const id = existing?.id ?? add({ subject: b.subject ?? '', start: toLocalText(b.start), end: toLocalText(b.end), location: b.location?.displayName ?? null, categories: b.categories ?? [] });
    const e = stored(id);
    e.transactionId = b.transactionId ?? null;
    if (!existing) created.push(id);
    return { status: 201, body: eventResource(instancesOf(e)[0]!, zone, mailbox) };
  }

  const fake: FakeGraph = {
    url: '',
    requests,
    mailboxes: new Set((options.mailboxes ?? ['kalender@dassos.dk']).map((m) => m.toLowerCase())),
    denied: new Set(),
    faults: [],
    throttleEvery: 0,
    partialUpdates: false,
    add,
    failAt(requestNumber, fault) {
      scheduled.set(requestNumber, fault);
    },
    update(id, change) {
      const e = stored(id);
      Object.assign(e, Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)), { changedAt: clock++ });
    },
    updateOccurrence(seriesId, index, change) {
      const e = stored(seriesId);
      e.exceptions.set(index, { ...(e.exceptions.get(index) ?? {}), ...change, changedAt: clock++ });
    },
    deleteOccurrence(seriesId, index) {
      stored(seriesId).deleted.add(index);
      clock++;
    },
    remove(id) {
      stored(id);
      events.delete(id);
      clock++;
    },
    occurrenceIds(seriesId) {
      return instancesOf(stored(seriesId)).map((i) => i.id);
    },
    iCalUIdOf(id) {
      const found = allInstances().find((i) => i.id === id);
      if (!found) throw new Error(`fake graph: no instance ${id}`);
      return found.iCalUId;
    },
    expireDeltaLinks() {
      deltaStates.clear();
    },
    created: () => [...created],
    files: fakeChannelFiles(),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://graph');
      const prefer = [req.headers.prefer ?? []].flat().join(', ');
      const base = fake.url;
      const raw = Buffer.concat(chunks);
      const contentType = String(req.headers['content-type'] ?? '');
      const json = !raw.length || contentType.includes('json');
      let body: unknown = json ? null : { bytes: raw.length, contentType };
      try {
        if (json && raw.length) body = JSON.parse(raw.toString('utf8'));
      } catch {
        body = null;
      }
      const n = requests.length + 1;
      const fault = scheduled.get(n) ?? fake.faults.shift() ?? (fake.throttleEvery > 0 && n % fake.throttleEvery === 0 ? { status: 429, retryAfter: '0' } : null);
      const result = fault
        ? {
            status: fault.status,
            body: { error: { code: fault.code ?? (fault.status === 429 ? 'ApplicationThrottled' : fault.status === 410 ? 'SyncStateNotFound' : 'ServiceUnavailable'), message: fault.message ?? 'Application is over its MailboxConcurrency limit.' } },
            headers: fault.retryAfter !== undefined ? { 'retry-after': fault.retryAfter } : undefined,
          }
        : (fake.files.answer(req.method ?? 'GET', url, raw, contentType) ?? answer(req.method ?? 'GET', url, preferences(prefer), body, base));
      requests.push({ method: req.method ?? '', path: url.pathname, query: url.search, prefer, authorization: req.headers.authorization ?? null, status: result.status, body });
      res.writeHead(result.status, { 'content-type': 'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8', 'request-id': `fake-${n}`, ...(result.headers ?? {}) });
      res.end(JSON.stringify(result.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0`;
  return fake;
}

function fromLocalIn(dateTime: string, zone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(dateTime);
  if (!m) throw new Error(`fake graph: bad dateTime ${dateTime}`);
  const [year, month, day, hour, minute, second] = m.slice(1).map((n) => Number(n ?? 0)) as [number, number, number, number, number, number];
  return fromLocal({ year, month, day, hour, minute, second }, zone);
}
