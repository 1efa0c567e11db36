// Opens the one database Dagsorden uses: PostgreSQL, either embedded (PGlite, in
// process, kept in a data folder) or a server reached through DATABASE_URL. Both give
// the same Prisma client and the same raw SQL seam, so every query runs on both.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
// Types only: pg and its Prisma adapter (about 16 MB of memory) load only for a server.
import type { Pool, PoolConfig } from 'pg';
import { PrismaClient } from './generated/client';
import { cacheScopes, contactOf, isWriteStatement, queuesMessages, watchAdapterWrites, writeReach, type QueueListener, type WriteListener, type WriteReach } from './write-watch';
import { copyTemplate, pgliteDir, type DataDirDump } from './data-template';

export type DatabaseTarget =
  | {
      kind: 'embedded';
      /** null: in memory */
      dataDir: string | null;
      /** A dump to start from (tests, backups): see tarballDump; else a new folder starts from the template (data-template.ts). */
      loadDataDir?: DataDirDump;
      /** false: create a new folder with initdb even when a template exists. */
      template?: false;
      /**
       * PGlite's fs bundle (its pglite.data) read already: tests share one between test
       * files (test/support/db.ts); else PGlite reads it for each database.
       */
      fsBundle?: Pick<Blob, 'arrayBuffer'>;
    }
  | { kind: 'postgres'; url: string };

/** Raw SQL on the same database as the Prisma client (migrations, health, locks). */
export interface SqlExecutor {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of several statements (no parameters). */
  exec(sql: string): Promise<void>;
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
}

export interface Database {
  readonly kind: DatabaseTarget['kind'];
  readonly prisma: PrismaClient;
  readonly sql: SqlExecutor;
  /**
   * Calls `listener` whenever this process writes what the read cache may hold (see write-watch.ts);
   * with a scope when the write changed only the entries whose keys start with it (CONTACTS_SCOPE, MINUTES_SCOPE).
   */
  onWrite(listener: (scope?: string) => void): void;
  /** Calls `listener` whenever this process writes anything (answers and attendance included). */
  onAnyWrite(listener: () => void): void;
  /**
   * Calls `listener` once rows this process added to the outbox are committed (after the
   * statement, or after its transaction; never for one rolled back): the worker sends them.
   */
  onQueued(listener: () => void): void;
  /** "PostgreSQL 18.1 (embedded)" and the like. */
  version(): Promise<string>;
  /** Embedded only: the whole database as a tarball, loadable with `loadDataDir` (backups, tests). */
  dumpDataDir?(compression?: 'gzip' | 'none'): Promise<Blob>;
  close(): Promise<void>;
}

/** pg's connection fields from a postgres:// URL (the adapter needs them separately). */
export function poolConfigFromUrl(url: string): PoolConfig {
  const u = new URL(url);
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') {
    throw new Error(`DATABASE_URL must start with postgresql://, not ${u.protocol}`);
  }
  const ssl = u.searchParams.get('sslmode');
  return {
    host: decodeURIComponent(u.hostname) || '127.0.0.1',
    port: u.port ? Number(u.port) : 5432,
    user: decodeURIComponent(u.username) || 'postgres',
    password: u.password ? decodeURIComponent(u.password) : undefined,
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
    ssl: ssl && ssl !== 'disable' ? { rejectUnauthorized: ssl === 'verify-full' } : undefined,
    max: Number(u.searchParams.get('connection_limit') ?? 10),
  };
}

function pgliteExecutor(db: Pick<PGlite, 'query' | 'exec'> & { transaction?: PGlite['transaction'] }): SqlExecutor {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      return (await db.query(sql, params as unknown[])).rows as T[];
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>) {
      if (!db.transaction) return fn(this);
      return db.transaction((tx) => fn(pgliteExecutor(tx)));
    },
  };
}

function poolExecutor(pool: Pool): SqlExecutor {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async exec(sql: string) {
      await pool.query(sql);
    },
    async transaction<T>(fn: (tx: SqlExecutor) => Promise<T>) {
      const client = await pool.connect();
      const tx: SqlExecutor = {
        query: async <R>(sql: string, params?: unknown[]) =>
          (await client.query(sql, params)).rows as R[],
        exec: async (sql: string) => {
          await client.query(sql);
        },
        transaction: (inner) => inner(tx),
      };
      try {
        await client.query('BEGIN');
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
  };
}

/**
 * The embedded server's buffer cache. PostgreSQL's default (128 MB) would be touched
 * page by page as the bot runs and never given back (WebAssembly memory only grows);
 * a committee's data is a few megabytes and what misses the cache is read from the
 * operating system's file cache, so 4 MB keeps the bot's memory small and flat (each
 * megabyte here is a megabyte of resident memory from the start: 16 MB cost 15 MB more).
 */
const EMBEDDED_SHARED_BUFFERS = '4MB';

/**
 * The embedded server's connection slots. PGlite runs one backend in this process, but
 * PostgreSQL sizes its shared memory (one process entry, lock and snapshot slots per
 * connection) for max_connections: the default 100 is 4 MB of WebAssembly memory
 * resident from the start. Five is above the three superuser_reserved_connections the
 * server requires below it, and no smaller setting saves more.
 */
const EMBEDDED_MAX_CONNECTIONS = '5';

/**
 * Creates a new embedded database folder (initdb) in a short-lived child process:
 * initdb drives PGlite's WebAssembly memory to about 700 MB, and memory a
 * WebAssembly instance has grown is never returned while the process lives. Done
 * here, the bot's own process opens a finished folder and stays small.
 */
async function initialiseDataDir(dataDir: string): Promise<void> {
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) return;
  fs.mkdirSync(dataDir, { recursive: true });
  const script = 'require(process.argv[1]).PGlite.create({ dataDir: process.argv[2] }).then((db) => db.close())';
  await new Promise<void>((resolve, reject) => {
    // --liftoff-only: as the bot runs the embedded database (src/index.ts). V8's optimising
    // tier would compile PGlite's 9 MB of WebAssembly a second time for a process that lives
    // seconds: initdb took 6.2 s of CPU with it, 4.1 s without.
    execFile(process.execPath, ['--liftoff-only', '-e', script, require.resolve('@electric-sql/pglite'), dataDir], (err, _out, stderr) => {
      if (err) reject(new Error(`could not create the embedded database in ${dataDir}: ${stderr.trim() || err.message}`));
      else resolve();
    });
  });
}

/**
 * The raw SQL seam, reporting its writes like the Prisma adapter does. In a transaction,
 * `onQueued` only notes the rows queued; the transaction reports them once it committed.
 */
function watchExecutorWrites(inner: SqlExecutor, onWrite: WriteListener, onQueued: QueueListener): SqlExecutor {
  const around = async <T>(reach: WriteReach, work: () => Promise<T>, person?: string): Promise<T> => {
    onWrite(reach, person);
    try {
      return await work();
    } finally {
      onWrite(reach, person);
    }
  };
  return {
    query: async <T>(sql: string, params?: unknown[]) => {
      if (!isWriteStatement(sql)) return inner.query<T>(sql, params);
      const reach = writeReach(sql);
      const rows = await around(reach, () => inner.query<T>(sql, params), reach === 'contacts' ? contactOf(sql, params) : undefined);
      if (queuesMessages(sql)) onQueued();
      return rows;
    },
    exec: (sql) => around('cached', () => inner.exec(sql)),
    transaction: async (fn) => {
      let queued = false;
      const result = await around('cached', () => inner.transaction((tx) => fn(watchExecutorWrites(tx, onWrite, () => (queued = true)))));
      if (queued) onQueued();
      return result;
    },
  };
}

function writeListeners() {
  const cachedListeners = new Set<(scope?: string) => void>();
  const anyListeners = new Set<() => void>();
  const queueListeners = new Set<() => void>();
  return {
    queued: () => queueListeners.forEach((listener) => listener()),
    onQueued: (listener: () => void) => void queueListeners.add(listener),
    // The outbox's and the audit trail's own writes change nothing either cache holds.
    // A personal chat recorded changes only the cached people's contacts: answers, attendance
    // and the rest of the read cache stay (the outbox records one for each digest it sends).
    notify: (reach: WriteReach, person?: string) => {
      for (const scope of cacheScopes(reach, person)) cachedListeners.forEach((listener) => listener(scope));
      if (reach === 'cached' || reach === 'live') anyListeners.forEach((listener) => listener());
    },
    onWrite: (listener: (scope?: string) => void) => void cachedListeners.add(listener),
    onAnyWrite: (listener: () => void) => void anyListeners.add(listener),
  };
}

/**
 * PGlite's WebAssembly and fs bundle. The WebAssembly is read at once and its compilation
 * started on V8's background threads: PGlite would read it itself with fs.promises, whose
 * every chunk waits for the main thread; at start-up the main thread then loads the rest
 * of the code for some 300 ms, so the compilation began only after that and the start-up
 * waited about 90 ms for it. The fs bundle, needed only once the WebAssembly is compiled,
 * is read whole in one request on libuv's threads while the code loads (its 6 MB cost the
 * main thread some 30 ms when read there). Either is left to PGlite when it is not where
 * this PGlite keeps it (a later version may move it).
 */
function pgliteFiles(fsBundle?: Pick<Blob, 'arrayBuffer'>): {
  wasmModule: Promise<WebAssembly.Module | undefined>;
  fsBundle?: Pick<Blob, 'arrayBuffer'>;
} {
  const dir = pgliteDir();
  const wasmFile = path.join(dir, 'pglite.wasm');
  const dataFile = path.join(dir, 'pglite.data');
  const wasm = fs.existsSync(wasmFile) ? fs.readFileSync(wasmFile) : undefined;
  const wasmModule = wasm ? WebAssembly.compile(wasm) : Promise.resolve(undefined);
  if (fsBundle || !fs.existsSync(dataFile)) return { wasmModule, fsBundle };
  const data = readWhole(dataFile);
  // Not left unhandled while PGlite has not asked for it yet; PGlite sees the failure when it does.
  data.catch(() => undefined);
  return { wasmModule, fsBundle: { arrayBuffer: () => data } };
}

/**
 * A file's bytes in an ArrayBuffer of their own (not a copy: fresh memory is slow to touch),
 * read in one request on libuv's threads: no callback per chunk on the calling thread.
 */
function readWhole(file: string): Promise<ArrayBuffer> {
  // Opened here, so that the read itself starts at once: a callback for the open would wait
  // for the main thread, which is busy loading code.
  const fd = fs.openSync(file, 'r');
  const bytes = new Uint8Array(fs.fstatSync(fd).size);
  return new Promise<ArrayBuffer>((resolve, reject) => {
    const from = (at: number) =>
      fs.read(fd, bytes, at, bytes.length - at, at, (err, n) => {
        if (err) reject(err);
        else if (at + n === bytes.length) resolve(bytes.buffer);
        else if (n === 0) reject(new Error(`${file} ended after ${at} of ${bytes.length} bytes`));
        else from(at + n);
      });
    from(0);
  }).finally(() => fs.closeSync(fd));
}

/** Opens the database; the caller applies migrations (see migrate.ts). */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  const { notify, onWrite, onAnyWrite, queued, onQueued } = writeListeners();
  if (target.kind === 'embedded') {
    const dataDir = target.dataDir ? path.resolve(target.dataDir) : undefined;
    if (dataDir && !target.loadDataDir && !fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
      // A new data folder: copied from the migrated template when there is one, else initdb.
      if (target.template === false || !copyTemplate(dataDir)) await initialiseDataDir(dataDir);
    }
    const files = pgliteFiles(target.fsBundle);
    const pglite = await PGlite.create({
      dataDir,
      // PGlite's type is Blob; it reads only what DataDirDump has (see data-template.ts).
      loadDataDir: target.loadDataDir as Blob | undefined,
      // Of a Blob, PGlite reads only arrayBuffer() here (its fs bundle).
      fsBundle: files.fsBundle as Blob | undefined,
      pgliteWasmModule: await files.wasmModule,
      startParams: [
        ...PGlite.defaultStartParams,
        '-c',
        `shared_buffers=${EMBEDDED_SHARED_BUFFERS}`,
        '-c',
        `max_connections=${EMBEDDED_MAX_CONNECTIONS}`,
      ],
    });
    const prisma = new PrismaClient({ adapter: watchAdapterWrites(new PrismaPGlite(pglite), notify, queued) });
    return {
      kind: 'embedded',
      prisma,
      sql: watchExecutorWrites(pgliteExecutor(pglite), notify, queued),
      onWrite,
      onAnyWrite,
      onQueued,
      async version() {
        const [row] = (await pglite.query<{ v: string }>("select current_setting('server_version') as v")).rows;
        return `PostgreSQL ${row?.v ?? '?'} (embedded)`;
      },
      async dumpDataDir(compression: 'gzip' | 'none' = 'gzip') {
        return pglite.dumpDataDir(compression);
      },
      async close() {
        await prisma.$disconnect();
        await pglite.close();
      },
    };
  }
  const [{ Pool }, { PrismaPg }] = await Promise.all([import('pg'), import('@prisma/adapter-pg')]);
  const config = poolConfigFromUrl(target.url);
  // One pool for Prisma and the SQL seam. When the server ends an idle connection (a
  // restart, a failover, a dropped test database) the pool emits 'error' and drops that
  // client; the next query opens a new one. Unhandled, the event would stop the process.
  const pool = new Pool(config);
  pool.on('error', () => undefined);
  const prisma = new PrismaClient({ adapter: watchAdapterWrites(new PrismaPg(pool), notify, queued) });
  return {
    kind: 'postgres',
    prisma,
    sql: watchExecutorWrites(poolExecutor(pool), notify, queued),
    onWrite,
    onAnyWrite,
    onQueued,
    async version() {
      const [row] = (await pool.query<{ v: string }>("select current_setting('server_version') as v")).rows;
      return `PostgreSQL ${row?.v ?? '?'}`;
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
