// `npm run calendar:sync [-- --en]`: syncs every committee's Outlook calendar now (due or
// not) and prints what each round did: fetched, created, updated, cancelled, requests
// made. It uses the bot's configuration (GRAPH_*, CALENDAR_*, DATABASE_URL or DATA_DIR),
// applies pending migrations and the demo committee's CALENDAR_MAILBOX as the bot's start
// does, and takes turns with running instances (a calendar one of them is syncing is
// skipped). Notices of moved and cancelled meetings go to the outbox, which the bot sends.
// Exit code 0: all synced; 1: a sync failed; 2: not configured, or the embedded database
// is open in another process.
import fs from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { databaseTarget } from '../src/wiring/target';
import { calendarLetters } from '../src/bot/letters/calendar-letters';
import { GraphCalendarSource } from '../src/calendar/graph-calendar-source';
import { createGraphClient, type GraphClientOptions } from '../src/calendar/graph-client';
import { ConfigError, graphSettings, loadConfig } from '../src/config';
import { CalendarSyncService } from '../src/domain/calendar/calendar-sync.service';
import { createClock } from '../src/domain/shared/clock';
import { messages } from '../src/i18n/messages';
import { openDatabase, type Database } from '../src/store/database';
import { seedDemoCommittee } from '../src/store/demo-seed';
import { createStore } from '../src/store';
import { migrate } from '../src/store/migrate';

interface Output {
  write(text: string): unknown;
}

/** Runs the sync command; returns the process exit code. */
export async function runCalendarSync(
  argv: string[],
  /** The environment to configure from (default: the process's, as the bot reads it). */
  env: Record<string, string | undefined> | undefined,
  out: Output,
  err: Output,
  /** Tests: Graph's credential and waits, and a database already open (left open). */
  options: { graph?: GraphClientOptions; db?: Database } = {},
): Promise<number> {
  const lang = argv.includes('--en') ? 'en' : 'da';
  const t = messages(lang).cal.cli;
  let config;
  try {
    config = loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) {
      err.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const graph = graphSettings(config);
  if (!graph) {
    // Said in both languages: the one asked for may not be the reader's.
    err.write(`${messages('da').cal.cli.notConfigured}\n${messages('en').cal.cli.notConfigured}\n`);
    return 2;
  }
  const target = databaseTarget(config);
  if (!options.db && target.kind === 'embedded' && target.dataDir && fs.existsSync(path.join(target.dataDir, 'postmaster.pid'))) {
    // The embedded database belongs to one process at a time.
    err.write(
      lang === 'da'
        ? `Den indlejrede database i ${target.dataDir} er åben i en anden proces (kører botten?). Stop den først – eller brug PostgreSQL (DATABASE_URL).\n`
        : `The embedded database in ${target.dataDir} is open in another process (is the bot running?). Stop it first – or use PostgreSQL (DATABASE_URL).\n`,
    );
    return 2;
  }
  const db = options.db ?? (await openDatabase(target));
  try {
    const clock = createClock(config.NOW);
    await migrate(db);
    if (config.DEMO_SEED ?? db.kind === 'embedded') await seedDemoCommittee(db, clock);
    const store = createStore(db);
    if (config.CALENDAR_MAILBOX) await store.calendars.setDemoCalendar(config.CALENDAR_MAILBOX, config.CALENDAR_MATCH ?? null);
    // Warnings (an event left out) to stderr: stdout is the summary.
    const log = pino({ level: 'warn' }, pino.destination(2));
    const source = new GraphCalendarSource(createGraphClient(graph, options.graph), graph.baseUrl, log);
    const sync = new CalendarSyncService({
      calendars: store.calendars,
      committees: store.committees,
      source,
      letters: calendarLetters,
      clock,
      options: { intervalMinutes: config.CALENDAR_SYNC_MINUTES, leaseMinutes: 10 },
    });
    const outcomes = await sync.syncNow();
    if (!outcomes.length) {
      out.write(`${t.noCalendars}\n`);
      return 0;
    }
    let code = 0;
    for (const o of outcomes) {
      if (o.status === 'synced') out.write(`${t.synced(o.summary)}\n`);
      else if (o.status === 'busy') out.write(`${t.busy(o.committee)}\n`);
      else {
        err.write(`${t.failed(o.committee, o.mailbox, o.error, o.requests)}\n`);
        code = 1;
      }
    }
    return code;
  } finally {
    if (!options.db) await db.close();
  }
}

if (require.main === module) {
  runCalendarSync(process.argv.slice(2), undefined, process.stdout, process.stderr).then(
    (code) => process.exit(code),
    (e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    },
  );
}
