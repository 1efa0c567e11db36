// The calendar sync at a size no committee reaches: 2,000 events in the mailbox's
// calendar, read in pages of 50 through the fake Graph (test/support/fake-graph.ts) with
// every 20th response throttled (429, Retry-After: 0) — 5 %, deterministically — into an
// embedded database: are all events in, and how many requests did it take? Then 10
// changes (moves, cancellations, deletions): how many requests does the incremental
// round need (goal: at most 3)? Run alone with BENCH_ONLY=calendar.
import pino from 'pino';
import { createGraphClient } from '../src/calendar/graph-client';
import { GraphCalendarSource } from '../src/calendar/graph-calendar-source';
import { CalendarSyncService, type SyncSummary } from '../src/domain/calendar/calendar-sync.service';
import { openDatabase } from '../src/store/database';
import { migrate } from '../src/store/migrate';
import { createStore } from '../src/store';
import { letters, MAILBOX, testCredential } from '../test/support/calendar-harness';
import { startFakeGraph } from '../test/support/fake-graph';

export const CALENDAR_EVENTS = 2000;
const PAGE_SIZE = 50;
const THROTTLE_EVERY = 20;

export interface CalendarRun {
  events: number;
  stored: number;
  full: SyncSummary;
  fullSeconds: number;
  throttled: number;
  incremental: SyncSummary;
  changes: number;
}

const two = (n: number) => String(n).padStart(2, '0');

export async function measureCalendar(): Promise<CalendarRun> {
  const fake = await startFakeGraph({ mailboxes: [MAILBOX] });
  const db = await openDatabase({ kind: 'embedded', dataDir: null });
  try {
    await migrate(db);
    const store = createStore(db);
    const now = new Date('2026-11-22T12:00:00+01:00');
    const clock = { now: () => new Date(now) };
    // Four meetings a day from tomorrow: 500 days, inside the 18 months read.
    const ids: string[] = [];
    for (let i = 0; i < CALENDAR_EVENTS; i++) {
      const day = new Date(Date.UTC(2026, 10, 23 + Math.floor(i / 4)));
      const date = `${day.getUTCFullYear()}-${two(day.getUTCMonth() + 1)}-${two(day.getUTCDate())}`;
      const hour = 8 + 2 * (i % 4);
      ids.push(fake.add({ subject: `DASSOS møde ${i + 1}`, start: `${date}T${two(hour)}:00`, end: `${date}T${two(hour + 1)}:30`, location: 'Viborg Rådhus, Mødelokale M5' }));
    }
    const committee = await store.committees.create({ name: 'DASSOS', slug: 'dassos', tenantId: null });
    await store.calendars.setCalendar(committee.id, MAILBOX, 'DASSOS');
    // Graph's real waits: Retry-After 0 waits nothing.
    const client = createGraphClient(
      { auth: { kind: 'secret', tenantId: 't', clientId: 'c', clientSecret: 's' }, baseUrl: fake.url, authorityHost: null, write: false, channelFiles: false },
      { credential: testCredential },
    );
    const source = new GraphCalendarSource(client, fake.url, pino({ level: 'silent' }), { pageSize: PAGE_SIZE });
    const sync = new CalendarSyncService(store.calendars, store.committees, source, letters, () => undefined, clock, { intervalMinutes: 15, leaseMinutes: 10 });

    fake.throttleEvery = THROTTLE_EVERY;
    const started = performance.now();
    const [full] = await sync.syncNow(committee.id);
    const fullSeconds = (performance.now() - started) / 1000;
    if (full?.status !== 'synced') throw new Error(`the full sync did not complete: ${JSON.stringify(full)}`);
    const throttled = fake.requests.filter((r) => r.status === 429).length;
    const stored = await db.prisma.meeting.count({ where: { committeeId: committee.id, calendarEventId: { not: null } } });

    // 10 changes: 4 moved an hour later, 3 cancelled, 3 deleted.
    for (const i of [10, 200, 800, 1500]) {
      const [date] = (await db.prisma.meeting.findFirstOrThrow({ where: { calendarEventId: ids[i] } })).startsAt.toISOString().split('T');
      fake.update(ids[i]!, { start: `${date}T${two(9 + 2 * (i % 4))}:00`, end: `${date}T${two(10 + 2 * (i % 4))}:30` });
    }
    for (const i of [20, 400, 1200]) fake.update(ids[i]!, { isCancelled: true });
    for (const i of [30, 600, 1900]) fake.remove(ids[i]!);
    const [incremental] = await sync.syncNow(committee.id);
    if (incremental?.status !== 'synced') throw new Error(`the incremental sync did not complete: ${JSON.stringify(incremental)}`);
    return { events: CALENDAR_EVENTS, stored, full: full.summary, fullSeconds, throttled, incremental: incremental.summary, changes: 10 };
  } finally {
    await db.close();
    await fake.close();
  }
}

/** The figures, and whether they meet the goals. */
export function reportCalendar(run: CalendarRun): boolean {
  const pages = Math.ceil(run.events / PAGE_SIZE);
  console.log('');
  console.log(
    `calendar sync: ${run.events.toLocaleString('en')} events in pages of ${PAGE_SIZE}, every ${THROTTLE_EVERY}th response throttled (429, Retry-After 0): ` +
      `${run.stored} of ${run.events} meetings in (goal all) · ${run.full.requests} requests (${pages} pages + ${run.throttled} throttled) · ${run.fullSeconds.toFixed(2)} s`,
  );
  console.log(
    `then ${run.changes} changes (4 moved, 3 cancelled, 3 deleted): the incremental round made ${run.incremental.requests} request(s) (goal ≤ 3) · ` +
      `fetched ${run.incremental.fetched} · updated ${run.incremental.updated} · cancelled ${run.incremental.cancelled}`,
  );
  return run.stored === run.events && run.incremental.requests <= 3 && run.incremental.updated + run.incremental.cancelled === run.changes;
}
