// Wiring, part 1: the database (opened, migrated, the demo committee seeded where it
// belongs) and the store's repositories over it.
import type { Logger } from 'pino';
import type { Config } from '../config';
import type { Clock } from '../domain/shared/clock';
import { openDatabase, type Database } from '../store/database';
import { databaseTarget } from './target';
import { seedDemoCommittee } from '../store/demo-seed';
import { migrateUnlessStamped } from '../store/migrate';
import { createStore, type Store } from '../store';


export interface StoreWiring {
  config: Config;
  log: Logger;
  clock: Clock;
  /** A database opened by the caller (tests, the bench): migrated here, never closed here. */
  db?: Database;
  /** The database of `config`, already opening (index.ts starts it early): this app's own, as if opened here. */
  opening?: Promise<Database>;
  /** Seed the demo meeting's agenda too (default true). */
  demoAgenda?: boolean;
  /** Notes when each step of the start-up is done (startApp's timeline). */
  mark?: (phase: string) => void;
}

export async function wireStore({ config, log, clock, db: given, opening, demoAgenda, mark = () => undefined }: StoreWiring): Promise<{ db: Database; store: Store }> {
  const target = databaseTarget(config);
  const db = given ?? (await (opening ?? openDatabase(target)));
  mark('database open');
  // A data folder this process opened itself is its alone: its stamp spares a restart the check.
  const stampDir = !given && target.kind === 'embedded' ? target.dataDir : null;
  try {
    const { applied } = await migrateUnlessStamped(db, stampDir, (msg) => log.info(msg));
    if (applied.length) log.info({ applied }, 'database migrated');
    mark('migrations');
    const seed = config.DEMO_SEED ?? db.kind === 'embedded';
    if (seed && (await seedDemoCommittee(db, clock, { agenda: demoAgenda }))) log.info('demo committee DASSOS seeded');
    mark('seed');
  } catch (err) {
    await db.close();
    throw err;
  }
  const store = createStore(db, { cacheTtlMs: cacheTtlMs(config.READ_CACHE_SECONDS, db.kind) });
  if (config.CALENDAR_MAILBOX && (await store.calendars.setDemoCalendar(config.CALENDAR_MAILBOX, config.CALENDAR_MATCH ?? null))) {
    log.info({ mailbox: config.CALENDAR_MAILBOX, match: config.CALENDAR_MATCH ?? null }, 'demo committee: calendar mailbox set');
  }
  return { db, store };
}

/**
 * How long the read cache serves an entry. READ_CACHE_SECONDS bounds how late another
 * instance's write to a shared PostgreSQL is seen. The embedded database has one writer,
 * this process, whose every write clears the cache at once: there an entry is kept until
 * a write, or EMBEDDED_CACHE_SECONDS at most (a bound for anything that changes with time
 * alone), so that members asking a minute apart are not each a miss. 0 turns caching off.
 */
export function cacheTtlMs(readCacheSeconds: number, kind: Database['kind']): number {
  if (readCacheSeconds === 0) return 0;
  return Math.max(readCacheSeconds, kind === 'embedded' ? EMBEDDED_CACHE_SECONDS : 0) * 1000;
}

const EMBEDDED_CACHE_SECONDS = 600;
