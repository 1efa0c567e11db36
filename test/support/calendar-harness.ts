// The calendar sync wired as the composition root wires it — store, Graph client with
// its retrying transport, Graph source and writer, sync service — against a fake Graph
// (fake-graph.ts) and a fresh database, with a clock the test moves and sleeps that
// return at once (recorded, so a test can see what was waited for).
import pino from 'pino';
import type { TokenCredential } from '@azure/identity';
import { createGraphClient } from '../../src/calendar/graph-client';
import { GraphCalendarSource } from '../../src/calendar/graph-calendar-source';
import { GraphEventWriter } from '../../src/calendar/graph-event-writer';
import type { GraphSettings } from '../../src/config';
import { CalendarSyncService, type CalendarLetters } from '../../src/domain/calendar/calendar-sync.service';
import type { Clock } from '../../src/domain/shared/clock';
import type { Committee } from '../../src/domain/shared/types';
import type { Database } from '../../src/store/database';
import { createStore, type Store } from '../../src/store';
import { freshDatabase, type DatabaseKind } from './db';
import { startFakeGraph, type FakeGraph } from './fake-graph';

export const MAILBOX = 'kalender@dassos.dk';

/** A credential that never signs in: the SDK attaches tokens only over https, and the fake speaks http. */
export const testCredential: TokenCredential = {
  getToken: async () => ({ token: 'test-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
};

export interface CalendarHarness {
  db: Database;
  store: Store;
  fake: FakeGraph;
  /** Set `clock.at` to move time. */
  clock: Clock & { at: Date };
  sync: CalendarSyncService;
  writer: GraphEventWriter;
  source: GraphCalendarSource;
  /** What the transport waited for, in milliseconds. */
  sleeps: number[];
  /** A committee with a channel (so notices are queued) and the calendar set. */
  committee: Committee;
  close(): Promise<void>;
}

export const letters: CalendarLetters = {
  meetingChanged: (_committee, change) => ({ text: `${change.kind}: ${change.after.startsAt.toISOString()} ${change.after.place ?? ''}`.trim() }),
};

export async function startCalendarHarness(
  kind: DatabaseKind,
  options: { match?: string | null; pageSize?: number; now?: string; intervalMinutes?: number; db?: Database } = {},
): Promise<CalendarHarness> {
  const db = options.db ?? (await freshDatabase(kind));
  const store = createStore(db);
  const fake = await startFakeGraph({ mailboxes: [MAILBOX] });
  const clock = { at: new Date(options.now ?? '2026-11-22T12:00:00+01:00'), now: () => new Date(clock.at) };
  const sleeps: number[] = [];
  const settings: GraphSettings = { auth: { kind: 'secret', tenantId: 't', clientId: 'c', clientSecret: 's' }, baseUrl: fake.url, authorityHost: null, write: true, channelFiles: false };
  const client = createGraphClient(settings, {
    credential: testCredential,
    retry: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
  });
  const log = pino({ level: 'silent' });
  const source = new GraphCalendarSource(client, fake.url, log, { pageSize: options.pageSize ?? 50 });
  const writer = new GraphEventWriter(client, store.calendars, true);
  const sync = new CalendarSyncService(store.calendars, store.committees, source, letters, () => undefined, clock, {
    intervalMinutes: options.intervalMinutes ?? 15,
    leaseMinutes: 10,
  });
  const created = await store.committees.create({ name: 'Styregruppe Test', slug: `test-${Math.random().toString(36).slice(2, 8)}`, tenantId: 'tenant' });
  const committee = await store.committees.link(created.id, {
    tenantId: 'tenant',
    teamId: 'team',
    teamAadGroupId: null,
    channelId: `19:${created.id}@thread.tacv2`,
    conversationId: `19:${created.id}@thread.tacv2`,
    serviceUrl: 'https://smba.example/emea/',
  });
  await store.calendars.setCalendar(committee.id, MAILBOX, options.match === undefined ? 'DASSOS' : options.match);
  return {
    db,
    store,
    fake,
    clock,
    sync,
    writer,
    source,
    sleeps,
    committee,
    async close() {
      await fake.close();
      if (!options.db) await db.close();
    },
  };
}
