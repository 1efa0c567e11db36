// Starts Dagsorden: `npm start` (compiled, see scripts/build.js) or `npm run dev`.
import { setFlagsFromString } from 'node:v8';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { openDatabase } from './store/database';
import { databaseTarget } from './wiring/target';
import { startIdleCollector } from './idle-collector';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  if (!config.DATABASE_URL) {
    // The embedded database is PostgreSQL compiled to WebAssembly. V8's optimising tier
    // would compile all 9 MB of it a second time, for about 30 MB that stay resident;
    // the baseline tier is ample for one committee's queries. Set before any module
    // is compiled, which happens when the database opens.
    setFlagsFromString('--liftoff-only');
  }
  const log = createLogger(config.LOG_LEVEL);
  // The database starts opening first: while the rest of the code loads below, its files
  // are read and its WebAssembly compiled on other threads (100–200 ms of a restart).
  const opening = openDatabase(databaseTarget(config));
  opening.catch(() => undefined);
  const { startApp } = await import('./app');
  const app = await startApp(config, log, { opening });
  const database = await app.db.version();
  log.info({ url: app.url, database, startupMs: app.startup }, `Dagsorden lytter på ${app.url}/api/messages`);
  // `npm start` runs node with --expose-gc for these two; without it (npm run dev, the
  // tests) neither runs. Once the language model is in, the start-up is done.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) void app.services.words.then(() => collectStartGarbage(gc), () => undefined);
  // And whenever the process goes quiet after work, what the work left is handed back.
  const idleCollector = gc ? startIdleCollector({ gc }) : undefined;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    idleCollector?.stop();
    await app.close().catch((err: unknown) => log.error({ err }, 'error while stopping'));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/**
 * The start-up leaves some 20 MB of garbage in V8's heap (the language model's JSON text,
 * the temporaries of its parse and of the migration check), and an idle bot allocates too
 * little for V8 to collect it soon. Two full collections once the start-up is done hand
 * it back to the system (the second compacts what the first left half-empty).
 */
function collectStartGarbage(gc: () => void): void {
  gc();
  gc();
}

main().catch((err: unknown) => {
  process.stderr.write(`Dagsorden kunne ikke starte: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
