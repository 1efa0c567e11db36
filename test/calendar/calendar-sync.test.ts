// The calendar sync against a fake Graph that answers calendarView/delta as Graph does:
// the first round reads the window (paged), later rounds only the changes; moves,
// cancellations, deletions and a weekly series with an exception reach the meetings,
// and each change of a meeting the committee knew is announced once; throttling is
// waited out, a lost deltaLink starts over, a failed round writes nothing.
import { startCalendarHarness, MAILBOX, type CalendarHarness } from '../support/calendar-harness';
import { databaseKind, freshDatabase } from '../support/db';
import type { Database } from '../../src/store/database';
import type { SyncOutcome, SyncSummary } from '../../src/domain/calendar/calendar-sync.service';

const kind = databaseKind;

function synced(outcomes: SyncOutcome[]): SyncSummary {
  expect(outcomes).toHaveLength(1);
  const [o] = outcomes;
  if (o!.status !== 'synced') throw new Error(`not synced: ${JSON.stringify(o)}`);
  return o!.summary;
}

async function meetingsOf(h: CalendarHarness) {
  return h.db.prisma.meeting.findMany({ where: { committeeId: h.committee.id }, orderBy: { startsAt: 'asc' } });
}

async function notices(h: CalendarHarness) {
  return h.db.prisma.outboundDelivery.findMany({ where: { committeeId: h.committee.id, kind: 'meeting-change' }, orderBy: { createdAt: 'asc' } });
}

// One database for the describes that sync their own committee only (syncNow with its id,
// and every query below names the committee): each harness makes a committee of its own,
// so they stay apart, and the file loads one embedded database instead of three (seconds
// of CPU each). The scheduled sync (syncDue) reads every calendar, and has a database of its own.
let shared: Promise<Database> | undefined;
const sharedDatabase = () => (shared ??= freshDatabase(kind));
afterAll(async () => (await shared)?.close());

describe('calendar sync: full round, then changes', () => {
  let h: CalendarHarness;
  const ids = { january: '', march: '', may: '', lunch: '', series: '' };
  beforeAll(async () => {
    h = await startCalendarHarness(kind, { pageSize: 3, db: await sharedDatabase() });
    ids.january = h.fake.add({ subject: 'DASSOS møde', start: '2027-01-14T13:00', end: '2027-01-14T15:00', location: 'Viborg Rådhus, Mødelokale M5' });
    ids.march = h.fake.add({ subject: 'dassos: budget', start: '2027-03-10T09:00', end: '2027-03-10T11:00', location: 'Silkeborg Rådhus', joinUrl: 'https://teams.microsoft.com/l/meetup-join/abc' });
    ids.may = h.fake.add({ subject: 'Styregruppemøde', categories: ['DASSOS'], start: '2027-05-20T10:00', end: '2027-05-20T12:00' });
    ids.lunch = h.fake.add({ subject: 'Frokost med KKR', start: '2027-01-15T12:00', end: '2027-01-15T13:00' });
    ids.series = h.fake.add({ subject: 'DASSOS temamøde', start: '2027-02-01T14:00', end: '2027-02-01T15:00', location: 'Online', weekly: { everyWeeks: 2, count: 4 } });
    // One occurrence moved before the first round: an exception.
    h.fake.updateOccurrence(ids.series, 1, { start: '2027-02-16T09:00', end: '2027-02-16T10:00' });
    // Outside the window (more than 18 months ahead): not read.
    h.fake.add({ subject: 'DASSOS 2029', start: '2029-01-10T10:00', end: '2029-01-10T12:00' });
  });
  afterAll(async () => h?.close());

  it('the first round reads the window page by page and creates the committee\'s meetings, announcing nothing', async () => {
    const summary = synced(await h.sync.syncNow(h.committee.id));
    // 4 single events and 4 occurrences in the window; 7 of them are the committee's.
    expect(summary).toMatchObject({ fetched: 8, created: 7, updated: 0, cancelled: 0, full: true, announced: 0 });
    // Pages of 3: 8 instances take 3 requests.
    expect(summary.requests).toBe(3);
    const meetings = await meetingsOf(h);
    expect(meetings.map((m) => m.title)).toEqual([
      'DASSOS møde',
      'DASSOS temamøde',
      'DASSOS temamøde',
      'DASSOS temamøde',
      'dassos: budget',
      'DASSOS temamøde',
      'Styregruppemøde',
    ]);
    const january = meetings[0]!;
    // 13.00 in Copenhagen in winter is 12.00 UTC.
    expect(january.startsAt.toISOString()).toBe('2027-01-14T12:00:00.000Z');
    expect(january).toMatchObject({ place: 'Viborg Rådhus', room: 'Mødelokale M5', calendarEventId: ids.january, iCalUId: h.fake.iCalUIdOf(ids.january), status: 'planned' });
    expect(meetings[4]).toMatchObject({ place: 'Silkeborg Rådhus', room: null, onlineUrl: 'https://teams.microsoft.com/l/meetup-join/abc' });
    // The exception keeps its own time; the occurrence after it keeps the series' time.
    expect(meetings[2]!.startsAt.toISOString()).toBe('2027-02-16T08:00:00.000Z');
    expect(meetings[3]!.startsAt.toISOString()).toBe('2027-03-01T13:00:00.000Z');
    expect(new Set(meetings.map((m) => m.iCalUId)).size).toBe(7);
    const calendar = await h.store.calendars.calendarOf(h.committee.id);
    expect(calendar!.deltaLink).toMatch(/\$deltatoken=/);
    expect(calendar!.syncedAt).toEqual(h.clock.now());
    expect(await notices(h)).toHaveLength(0);
  });

  it('asks Graph as documented: the window on the first request, immutable ids and the committee\'s time zone on every one', () => {
    const [first, ...rest] = h.fake.requests;
    expect(first!.path).toBe(`/v1.0/users/${encodeURIComponent(MAILBOX)}/calendarView/delta`);
    expect(first!.query).toContain('startDateTime=2026-10-22T22:00:00Z');
    expect(first!.query).toContain('endDateTime=2028-05-22T22:00:00Z');
    expect(rest.every((r) => r.query.startsWith('?$skiptoken='))).toBe(true);
    for (const r of h.fake.requests) {
      expect(r.prefer).toContain('IdType="ImmutableId"');
      expect(r.prefer).toContain('outlook.timezone="Europe/Copenhagen"');
      expect(r.prefer).toContain('odata.maxpagesize=3');
    }
  });

  it('the next round reads only the changes: a move, a cancellation, a deletion and the series are applied and each announced once', async () => {
    h.fake.requests.length = 0;
    h.clock.at = new Date('2026-11-22T12:20:00+01:00');
    h.fake.update(ids.january, { start: '2027-01-21T13:00', end: '2027-01-21T15:00' });
    h.fake.update(ids.march, { isCancelled: true });
    h.fake.remove(ids.may);
    h.fake.updateOccurrence(ids.series, 2, { location: 'Aarhus Rådhus' });
    h.fake.deleteOccurrence(ids.series, 3);
    const summary = synced(await h.sync.syncNow(h.committee.id));
    expect(summary).toMatchObject({ fetched: 5, created: 0, updated: 2, cancelled: 3, full: false, announced: 5 });
    expect(summary.requests).toBe(2);
    expect(h.fake.requests[0]!.query).toMatch(/^\?\$deltatoken=/);
    const meetings = await meetingsOf(h);
    const byEvent = new Map(meetings.map((m) => [m.calendarEventId, m]));
    expect(byEvent.get(ids.january)!.startsAt.toISOString()).toBe('2027-01-21T12:00:00.000Z');
    expect(byEvent.get(ids.january)!.sequence).toBe(1);
    expect(byEvent.get(ids.march)!.status).toBe('cancelled');
    expect(byEvent.get(ids.may)!.status).toBe('cancelled');
    const occurrences = h.fake.occurrenceIds(ids.series);
    expect(byEvent.get(occurrences[2]!)!.place).toBe('Aarhus Rådhus');
    expect(meetings.filter((m) => m.title === 'DASSOS temamøde' && m.status === 'cancelled')).toHaveLength(1);
    // Nothing is deleted: a meeting may have an agenda.
    expect(meetings).toHaveLength(7);
    const queued = await notices(h);
    // Keyed by the meeting and its new start, or "cancelled".
    const states = queued.map((n) => /^meeting-change:[0-9a-f-]{36}:(cancelled|[0-9T:.-]+Z):?/.exec(n.idempotencyKey)?.[1]);
    expect(states.sort()).toEqual(['2027-01-21T12:00:00.000Z', '2027-03-01T13:00:00.000Z', 'cancelled', 'cancelled', 'cancelled']);
    expect(queued.every((n) => n.conversationId === `19:${h.committee.id}@thread.tacv2` && n.serviceUrl === 'https://smba.example/emea/')).toBe(true);
  });

  it('a round without changes changes nothing and announces nothing again', async () => {
    h.fake.requests.length = 0;
    const summary = synced(await h.sync.syncNow(h.committee.id));
    expect(summary).toMatchObject({ fetched: 0, created: 0, updated: 0, cancelled: 0, requests: 1, announced: 0 });
    expect(await notices(h)).toHaveLength(5);
  });

  it('an event that stops being the committee\'s is cancelled; one that comes back is restored', async () => {
    h.fake.update(ids.january, { subject: 'Frokost' });
    expect(synced(await h.sync.syncNow(h.committee.id))).toMatchObject({ cancelled: 1, announced: 1 });
    h.fake.update(ids.january, { subject: 'DASSOS møde' });
    h.fake.update(ids.march, { isCancelled: false });
    expect(synced(await h.sync.syncNow(h.committee.id))).toMatchObject({ updated: 2, cancelled: 0, announced: 2 });
    const byEvent = new Map((await meetingsOf(h)).map((m) => [m.calendarEventId, m]));
    expect(byEvent.get(ids.january)!.status).toBe('planned');
    expect(byEvent.get(ids.march)!.status).toBe('planned');
    const keys = (await notices(h)).map((n) => n.idempotencyKey);
    expect(keys.filter((k) => k.startsWith(`meeting-change:${byEvent.get(ids.march)!.id}:`))).toHaveLength(2);
  });

  it('a meeting that has ended is history: the calendar no longer changes it', async () => {
    h.clock.at = new Date('2027-01-22T12:00:00+01:00');
    h.fake.remove(ids.january);
    const summary = synced(await h.sync.syncNow(h.committee.id));
    expect(summary.cancelled).toBe(0);
    const january = (await meetingsOf(h)).find((m) => m.calendarEventId === ids.january)!;
    expect(january.status).toBe('planned');
  });
});

describe('calendar sync: Graph throttles, forgets and fails', () => {
  let h: CalendarHarness;
  let first = '';
  beforeAll(async () => {
    h = await startCalendarHarness(kind, { pageSize: 2, db: await sharedDatabase() });
    first = h.fake.add({ subject: 'DASSOS 1', start: '2027-01-14T13:00', end: '2027-01-14T15:00' });
    for (let n = 2; n <= 5; n++) h.fake.add({ subject: `DASSOS ${n}`, start: `2027-0${n}-14T13:00`, end: `2027-0${n}-14T15:00` });
  });
  afterAll(async () => h?.close());

  it('waits as long as Retry-After says on 429 and 503, backs off on 504, and counts every request', async () => {
    h.fake.faults.push({ status: 429, retryAfter: '2' }, { status: 503, retryAfter: '1' }, { status: 504 });
    const summary = synced(await h.sync.syncNow(h.committee.id));
    expect(summary).toMatchObject({ created: 5 });
    // Three pages, and three answers that were tried again.
    expect(summary.requests).toBe(6);
    // 2 s and 1 s as asked; the third attempt's backoff is half (random 0.5) of 4 s.
    expect(h.sleeps).toEqual([2000, 1000, 2000]);
  });

  it('a failure in the middle of a round writes nothing but the failure; the next round starts where the last complete one ended', async () => {
    const before = await h.store.calendars.calendarOf(h.committee.id);
    h.fake.update(first, { start: '2027-01-15T13:00', end: '2027-01-15T15:00' });
    for (let n = 6; n <= 8; n++) h.fake.add({ subject: `DASSOS ${n}`, start: `2027-0${n}-14T13:00`, end: `2027-0${n}-14T15:00` });
    // The round's first page is answered, its second fails.
    const requestsBefore = h.fake.requests.length;
    h.fake.failAt(requestsBefore + 2, { status: 500, code: 'ErrorInternalServerError', message: 'An internal server error occurred.' });
    const [outcome] = await h.sync.syncNow(h.committee.id);
    expect(outcome).toMatchObject({ status: 'failed', requests: 2 });
    expect(h.fake.requests.length - requestsBefore).toBe(2);
    const after = await h.store.calendars.calendarOf(h.committee.id);
    expect(after).toMatchObject({ deltaLink: before!.deltaLink, syncedAt: before!.syncedAt, failedAt: h.clock.now() });
    expect(after!.error).toContain('Graph 500 ErrorInternalServerError');
    expect(await h.db.prisma.meeting.count({ where: { committeeId: h.committee.id } })).toBe(5);
    const summary = synced(await h.sync.syncNow(h.committee.id));
    expect(summary).toMatchObject({ created: 3, updated: 1, full: false });
    expect(await h.db.prisma.meeting.count({ where: { committeeId: h.committee.id } })).toBe(8);
    expect((await h.store.calendars.calendarOf(h.committee.id))).toMatchObject({ failedAt: null, error: null });
  });

  it('410 Gone starts over with a full round, and a meeting deleted meanwhile is cancelled', async () => {
    h.fake.expireDeltaLinks();
    h.fake.remove(first);
    h.fake.requests.length = 0;
    const summary = synced(await h.sync.syncNow(h.committee.id));
    expect(summary).toMatchObject({ full: true, created: 0, cancelled: 1, announced: 1 });
    expect(h.fake.requests[0]!.status).toBe(410);
    expect(h.fake.requests[1]!.query).toContain('startDateTime=');
    // The 410, and the 7 instances left in pages of 2.
    expect(summary.requests).toBe(5);
    const meeting = await h.db.prisma.meeting.findFirstOrThrow({ where: { committeeId: h.committee.id, calendarEventId: first } });
    expect(meeting.status).toBe('cancelled');
  });

  it('a refusal (403: the app may not read this mailbox) is recorded with Graph\'s reason, and the last good data stays', async () => {
    h.fake.denied.add(MAILBOX);
    h.clock.at = new Date(h.clock.at.getTime() + 60_000);
    const [outcome] = await h.sync.syncNow(h.committee.id);
    h.fake.denied.clear();
    expect(outcome).toMatchObject({ status: 'failed' });
    const calendar = await h.store.calendars.calendarOf(h.committee.id);
    expect(calendar!.error).toBe('Graph 403 ErrorAccessDenied: Access is denied. Check credentials and try again.');
    expect(calendar!.syncedAt).not.toBeNull();
  });
});

describe('calendar sync: what Graph leaves out, and what Dagsorden made itself', () => {
  let h: CalendarHarness;
  beforeAll(async () => {
    h = await startCalendarHarness(kind, { db: await sharedDatabase() });
  });
  afterAll(async () => h?.close());

  it('reads an event in full when a delta entry names only its id', async () => {
    const id = h.fake.add({ subject: 'DASSOS møde', start: '2027-01-14T13:00', end: '2027-01-14T15:00' });
    synced(await h.sync.syncNow(h.committee.id));
    h.fake.partialUpdates = true;
    h.fake.update(id, { start: '2027-01-14T14:00', end: '2027-01-14T16:00' });
    h.fake.requests.length = 0;
    const summary = synced(await h.sync.syncNow(h.committee.id));
    h.fake.partialUpdates = false;
    expect(summary).toMatchObject({ updated: 1, requests: 2 });
    expect(h.fake.requests[1]!.path).toBe(`/v1.0/users/${encodeURIComponent(MAILBOX)}/events/${encodeURIComponent(id)}`);
    const meeting = await h.db.prisma.meeting.findFirstOrThrow({ where: { committeeId: h.committee.id, calendarEventId: id } });
    expect(meeting.startsAt.toISOString()).toBe('2027-01-14T13:00:00.000Z');
  });

  it('an event Dagsorden wrote to Outlook is recognised as its meeting (by iCalUId), not made twice', async () => {
    const { meeting } = await h.store.calendars.createMeeting({
      committeeId: h.committee.id,
      startsAt: new Date('2027-04-08T07:00:00Z'),
      endsAt: new Date('2027-04-08T09:00:00Z'),
      place: 'Horsens Rådhus',
      room: null,
      onlineUrl: null,
      submissionDeadline: null,
    });
    const created = await h.writer.createEvent(h.committee, meeting);
    expect(created).not.toBeNull();
    const post = h.fake.requests.find((r) => r.method === 'POST')!;
    expect(post.prefer).toContain('IdType="ImmutableId"');
    expect(post.body).toMatchObject({
      subject: 'DASSOS: Styregruppe Test-møde',
      categories: ['DASSOS'],
      start: { dateTime: '2027-04-08T09:00:00', timeZone: 'Europe/Copenhagen' },
      location: { displayName: 'Horsens Rådhus' },
      transactionId: meeting.id,
    });
    await h.store.calendars.linkEvent(meeting.id, created!.eventId, created!.iCalUId);
    synced(await h.sync.syncNow(h.committee.id));
    const rows = await h.db.prisma.meeting.findMany({ where: { committeeId: h.committee.id, startsAt: new Date('2027-04-08T07:00:00Z') } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: meeting.id, calendarEventId: created!.eventId, iCalUId: created!.iCalUId });
  });

  it('a meeting entered in Dagsorden is linked to the Outlook event that starts at the same moment, without a notice', async () => {
    const { meeting } = await h.store.calendars.createMeeting({
      committeeId: h.committee.id,
      startsAt: new Date('2027-06-10T11:00:00Z'),
      endsAt: new Date('2027-06-10T13:00:00Z'),
      place: 'Randers Rådhus',
      room: 'Byrådssalen',
      onlineUrl: null,
      submissionDeadline: null,
    });
    const id = h.fake.add({ subject: 'DASSOS juni', start: '2027-06-10T13:00', end: '2027-06-10T15:30' });
    const summary = synced(await h.sync.syncNow(h.committee.id));
    expect(summary).toMatchObject({ created: 0, updated: 1, announced: 0 });
    const linked = await h.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    // Outlook's end time; Dagsorden's place stays, as Outlook names none.
    expect(linked).toMatchObject({ calendarEventId: id, title: 'DASSOS juni', place: 'Randers Rådhus', room: 'Byrådssalen' });
    expect(linked.endsAt.toISOString()).toBe('2027-06-10T13:30:00.000Z');
  });

  it('follows Graph\'s links only on the configured Graph', async () => {
    h.fake.add({ subject: 'DASSOS a', start: '2027-02-01T10:00', end: '2027-02-01T11:00' });
    h.fake.add({ subject: 'DASSOS b', start: '2027-02-02T10:00', end: '2027-02-02T11:00' });
    const { GraphCalendarSource } = await import('../../src/calendar/graph-calendar-source');
    const pino = (await import('pino')).default;
    const elsewhere = new GraphCalendarSource(
      (h.source as unknown as { client: ConstructorParameters<typeof GraphCalendarSource>[0] }).client,
      h.fake.url.replace('127.0.0.1', 'localhost'),
      pino({ level: 'silent' }),
      { pageSize: 1 },
    );
    await expect(elsewhere.readRound(MAILBOX, { deltaLink: null, window: { start: new Date('2026-11-01Z'), end: new Date('2028-01-01Z') }, timeZone: 'Europe/Copenhagen' })).rejects.toThrow(
      'outside the configured GRAPH_BASE_URL',
    );
  });
});

describe('calendar sync on a schedule', () => {
  let h: CalendarHarness;
  beforeAll(async () => {
    h = await startCalendarHarness(kind, { intervalMinutes: 15 });
    h.fake.add({ subject: 'DASSOS møde', start: '2027-01-14T13:00', end: '2027-01-14T15:00' });
  });
  afterAll(async () => h?.close());

  it('syncs a calendar when it is due, decided from the database', async () => {
    expect((await h.sync.syncDue()).map((o) => o.status)).toEqual(['synced']);
    h.clock.at = new Date(h.clock.at.getTime() + 10 * 60_000);
    expect(await h.sync.syncDue()).toEqual([]);
    h.clock.at = new Date(h.clock.at.getTime() + 6 * 60_000);
    expect((await h.sync.syncDue()).map((o) => o.status)).toEqual(['synced']);
  });

  it('a calendar another instance holds is not synced here', async () => {
    const now = h.clock.now();
    const held = await h.store.calendars.claim({ now, dueBefore: null, leaseUntil: new Date(now.getTime() + 600_000), committeeId: h.committee.id });
    expect(held).toEqual([h.committee.id]);
    expect(await h.sync.syncNow(h.committee.id)).toEqual([{ status: 'busy', committeeId: h.committee.id, committee: h.committee.name }]);
    h.clock.at = new Date(now.getTime() + 3600_000);
    expect((await h.sync.syncDue()).map((o) => o.status)).toEqual(['synced']);
  });

  it('renews the window once it has aged a month, with a full round', async () => {
    h.clock.at = new Date(h.clock.at.getTime() + 61 * 86_400_000);
    h.fake.requests.length = 0;
    const [outcome] = await h.sync.syncNow(h.committee.id);
    expect(outcome).toMatchObject({ status: 'synced', summary: { full: true } });
    expect(h.fake.requests[0]!.query).toContain('startDateTime=');
  });
});
