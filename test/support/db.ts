// Fresh, migrated, empty databases for tests, fast: the embedded one is loaded from the
// migrated PGlite template (src/store/data-template.ts, made once and kept while the
// migrations stay the same; a bot process a test starts on a new data folder uses it
// too); a PostgreSQL one is created from a migrated template database.
//
// A test run uses one database: PostgreSQL when DATABASE_URL (or TEST_DATABASE_URL) is set,
// else the embedded one. CI runs the suite once without and once with DATABASE_URL, so
// every test that uses a database runs on both (the second run only runs the files that
// can open one: test/support/database-tests.js).
//
// Most tests start the app with the demo committee seeded (startTestApp): seeding it takes
// longer than loading a database, so each seeding (its clock and whether with the demo
// agenda) is done once per test run and copied like the migrated template (seededDatabase).
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { Client } from 'pg';
import path from 'node:path';
import { arrayBufferOf, migrationsHash, readTarball, tarballDump, templateDir, templatePath, writeTemplate } from '../../src/store/data-template';
import { openDatabase, poolConfigFromUrl, type Database } from '../../src/store/database';
import { migrate } from '../../src/store/migrate';
import { demoSeedKey, seedDemoCommittee } from '../../src/store/demo-seed';
import type { Clock } from '../../src/domain/shared/clock';

export type DatabaseKind = 'embedded' | 'postgres';

// Tests read the environment directly: they choose what to test against, not the app's config.
const pgUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || '';

/** The database this run's tests use: PostgreSQL when a URL is configured, else embedded. */
export const databaseKind: DatabaseKind = pgUrl ? 'postgres' : 'embedded';

/** This run's database, for `describe.each`, so that a test's name says which it ran on. */
export const databaseKinds: DatabaseKind[] = [databaseKind];

/**
 * For tests that use no database of this run's kind (the embedded one whatever the run,
 * or only in-memory PGlite): they run in the embedded run and are skipped in the
 * PostgreSQL one, which would only repeat them.
 */
export function describeEmbeddedRun(name: string, tests: () => void): void {
  (databaseKind === 'embedded' ? describe : describe.skip)(name, tests);
}

export { migrationsHash };

/**
 * What test/support/environment.js gives every test file of a jest worker process: a store
 * kept for all of them. What goes in it is made by no test file's context (ArrayBuffers
 * read by Node, strings): an object or a function of a file's would keep that file's whole
 * module registry alive after it ended. Absent (a run without that environment): each test
 * file keeps its own.
 */
const workerStore: Map<string, ArrayBuffer | string> =
  (globalThis as { __dagsordenWorkerStore?: Map<string, ArrayBuffer | string> }).__dagsordenWorkerStore ?? new Map();

/** Made once per jest worker process (or test file, see workerStore) and kept. */
function perWorker<T extends ArrayBuffer | string>(key: string, make: () => T): T {
  if (!workerStore.has(key)) workerStore.set(key, make());
  return workerStore.get(key) as T;
}

// Found from the migrations' checksums: read once, not for every database.
const dumpPath = () => perWorker('template path', () => templatePath());
const templateName = () => perWorker('template name', () => `dagsorden_tmpl_${migrationsHash()}`);

/**
 * PGlite's fs bundle (its installation's files), read once per worker process, not for
 * each database. Not copied for each: PGlite's file system keeps parts of it as those
 * files, which the server only reads.
 */
function pgliteBundle(): { arrayBuffer(): Promise<ArrayBuffer> } {
  const bundle = perWorker('pglite.data', () =>
    arrayBufferOf(fs.readFileSync(path.join(path.dirname(require.resolve('@electric-sql/pglite')), 'pglite.data'))),
  );
  return { arrayBuffer: async () => bundle };
}

async function admin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ ...poolConfigFromUrl(pgUrl), database: 'postgres' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * The build (npm install) made the same template for dist/: the name holds PGlite's version
 * and the migrations' checksums, so one of the same name is the same database. Copied
 * rather than made again (initdb takes seconds); made beside and renamed, like writeTemplate.
 */
function copyBuiltTemplate(): void {
  const file = dumpPath();
  const folder = file.replace(/\.tar\.gz$/, '');
  const built = path.join(templateDir, '..', 'dist', '.data-template', path.basename(file));
  const builtFolder = built.replace(/\.tar\.gz$/, '');
  if (fs.existsSync(file) || !fs.existsSync(built) || !fs.existsSync(path.join(builtFolder, 'PG_VERSION'))) return;
  fs.mkdirSync(templateDir, { recursive: true });
  fs.cpSync(builtFolder, `${folder}.${process.pid}`, { recursive: true });
  fs.copyFileSync(built, `${file}.${process.pid}`);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.renameSync(`${folder}.${process.pid}`, folder);
  fs.renameSync(`${file}.${process.pid}`, file);
}

/** Builds what fresh databases are copied from (run once, from jest's global setup). */
export async function prepareTemplates(): Promise<void> {
  copyBuiltTemplate();
  await writeTemplate();
  if (pgUrl) {
    await admin(async (client) => {
      const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [templateName()]);
      if (exists.rowCount) return;
      const building = `${templateName()}_${process.pid}`;
      await client.query(`DROP DATABASE IF EXISTS "${building}"`);
      await client.query(`CREATE DATABASE "${building}"`);
      const db = await openDatabase({ kind: 'postgres', url: withDatabase(pgUrl, building) });
      try {
        await migrate(db);
      } finally {
        await db.close();
      }
      await client.query(`ALTER DATABASE "${building}" RENAME TO "${templateName()}"`);
    });
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** A migrated, empty database of the given kind; close() also drops a PostgreSQL one. */
export async function freshDatabase(kind: DatabaseKind): Promise<Database> {
  return kind === 'embedded' ? loadEmbedded(dumpPath()) : copyPostgres(templateName());
}

/**
 * The template and each seeded dump is read (and the template gunzipped) once per worker:
 * a test process paid 0.1-0.2 s of CPU to read one of 40 MB, 0.6 s to gunzip the template.
 */
function loadEmbedded(tarball: string): Promise<Database> {
  const dump = tarballDump(perWorker(`dump ${tarball}`, () => readTarball(tarball)));
  return openDatabase({ kind: 'embedded', dataDir: null, loadDataDir: dump, fsBundle: pgliteBundle() });
}

/**
 * Where this run keeps its seeded databases: a folder made by the global setup (and removed
 * by its teardown), whose name also names the run's PostgreSQL copies. Unset (a test run
 * without the global setup): every database is seeded afresh.
 */
export const SEEDS_ENV = 'DAGSORDEN_TEST_SEEDS';
/** Prefix of this run's seeded PostgreSQL templates (dropped by the teardown). */
export const seedTemplatePrefix = (folder: string) =>
  `dagsorden_seed_${createHash('sha256').update(folder).digest('hex').slice(0, 8)}_`;

/**
 * A migrated database holding the demo committee as seedDemoCommittee seeds it at `clock`'s
 * time (with the demo agenda when `agenda`): the first of each kind in a test run is seeded
 * and kept, the others are copies of it. Clocks that seed the same rows share one (demoSeedKey:
 * the same day, no meeting between them; 07:59 and noon, or 09:00 and 15:30): each seeding
 * costs 3-4 s of CPU on the embedded database, a copy 0.5-1 s. close() also drops a PostgreSQL one.
 */
export async function seededDatabase(kind: DatabaseKind, clock: Clock, agenda: boolean): Promise<Database> {
  const folder = process.env[SEEDS_ENV];
  const key = createHash('sha256').update(demoSeedKey(clock.now(), agenda)).digest('hex').slice(0, 12);
  if (!folder) {
    const db = await freshDatabase(kind);
    await seedDemoCommittee(db, clock, { agenda });
    return db;
  }
  if (kind === 'embedded') {
    // Not compressed: dumped 5 times faster, loaded a little faster; 40 MB for the run's few.
    const file = path.join(folder, `seeded-${key}.tar`);
    if (fs.existsSync(file)) return loadEmbedded(file);
    const db = await freshDatabase(kind);
    try {
      await seedDemoCommittee(db, clock, { agenda });
      const dump = await db.dumpDataDir!('none');
      // Written beside and renamed: another worker never reads half of one.
      fs.writeFileSync(`${file}.${process.pid}`, Buffer.from(await dump.arrayBuffer()));
      fs.renameSync(`${file}.${process.pid}`, file);
    } catch (err) {
      await db.close();
      throw err;
    }
    return db;
  }
  const template = `${seedTemplatePrefix(folder)}${key}`;
  const exists = await admin((client) => client.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]));
  if (!exists.rowCount) {
    // Made under a name of its own and renamed: a copy is never taken of half of one.
    const building = `${template}_${process.pid}`;
    await admin((client) => client.query(`CREATE DATABASE "${building}" TEMPLATE "${templateName()}"`));
    const db = await openDatabase({ kind: 'postgres', url: withDatabase(pgUrl, building) });
    try {
      await seedDemoCommittee(db, clock, { agenda });
    } finally {
      await db.close();
    }
    await admin(async (client) => {
      try {
        await client.query(`ALTER DATABASE "${building}" RENAME TO "${template}"`);
      } catch (err) {
        // Another worker seeded the same one meanwhile: its copy serves.
        if ((err as { code?: string }).code !== '42P04') throw err;
        await client.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      }
    });
  }
  return copyPostgres(template);
}

/** Drops this run's seeded PostgreSQL templates (the global teardown). */
export async function dropSeededTemplates(folder: string): Promise<void> {
  if (!pgUrl) return;
  await admin(async (client) => {
    const { rows } = await client.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [
      `${seedTemplatePrefix(folder)}%`,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}

async function copyPostgres(template: string): Promise<Database> {
  if (!pgUrl) throw new Error('no PostgreSQL configured (set TEST_DATABASE_URL or DATABASE_URL)');
  const name = `dagsorden_t_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const db = await openDatabase({ kind: 'postgres', url: withDatabase(pgUrl, name) });
  return {
    ...db,
    async close() {
      await db.close();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
