// Applies Prisma's migration files without Prisma's native engine: each pending
// prisma/migrations/<name>/migration.sql in name order, all in one transaction,
// recorded in Prisma's own `_prisma_migrations` table (same columns, sha256
// checksums), so `prisma migrate deploy` on a normal machine sees the same state.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Database, SqlExecutor } from './database';

/** prisma/migrations of this checkout (src/store → ../../prisma/migrations). */
export const migrationsDir = path.join(__dirname, '..', '..', 'prisma', 'migrations');

/** Any fixed number: two instances starting at once take turns on it. */
const LOCK_KEY = 72_707_365;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export function readMigrations(dir: string = migrationsDir): MigrationFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

const CREATE_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

async function pending(sql: SqlExecutor, files: MigrationFile[]): Promise<MigrationFile[]> {
  const rows = await sql.query<AppliedRow>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
  );
  const applied = new Map<string, AppliedRow>();
  for (const row of rows) {
    if (row.rolled_back_at) continue;
    if (!row.finished_at) {
      throw new MigrationError(
        `Migration ${row.migration_name} failed earlier and is not finished. Repair the database, then mark it rolled back (prisma migrate resolve --rolled-back ${row.migration_name}).`,
      );
    }
    applied.set(row.migration_name, row);
  }
  for (const file of files) {
    const row = applied.get(file.name);
    if (row && row.checksum !== file.checksum) {
      throw new MigrationError(
        `Migration ${file.name} was changed after it was applied (checksum differs). Never edit an applied migration; add a new one.`,
      );
    }
  }
  return files.filter((f) => !applied.has(f.name));
}

/** Applies pending migrations; returns their names (none when up to date). */
export async function migrate(
  db: Pick<Database, 'sql'>,
  log: (message: string) => void = () => undefined,
  dir: string = migrationsDir,
): Promise<{ applied: string[] }> {
  const files = readMigrations(dir);
  const appliedNow: string[] = [];
  await db.sql.transaction(async (tx) => {
    // Held to the end of this transaction: a second instance waits, then finds nothing to do.
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await tx.exec(CREATE_TABLE);
    for (const file of await pending(tx, files)) {
      const id = randomUUID();
      await tx.query(
        'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())',
        [id, file.checksum, file.name],
      );
      log(`applying migration ${file.name}`);
      await tx.exec(file.sql);
      await tx.query(
        'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1',
        [id],
      );
      appliedNow.push(file.name);
    }
  });
  return { applied: appliedNow };
}

/** In an embedded data folder: the migrations (their names and checksums) it was last brought up to. */
export const MIGRATED_STAMP = 'dagsorden-migrated';

/** The migrations' names and checksums, as one string (what the stamp holds). */
function fingerprint(files: MigrationFile[]): string {
  return files.map((f) => `${f.name} ${f.checksum}`).join('\n');
}

/**
 * `migrate`, skipped when the embedded data folder `dataDir` says it is up to date with these
 * very migrations (its stamp, written here after each check): the folder belongs to this one
 * process, so nothing else migrates it behind the stamp's back, and a restart need not open
 * a transaction to learn that nothing changed. A new or changed migration changes the stamp's
 * text, and the check runs. Without `dataDir` (PostgreSQL, in memory): `migrate`.
 */
export async function migrateUnlessStamped(
  db: Pick<Database, 'sql'>,
  dataDir: string | null,
  log: (message: string) => void = () => undefined,
  dir: string = migrationsDir,
): Promise<{ applied: string[]; skipped: boolean }> {
  const stamp = dataDir ? path.join(dataDir, MIGRATED_STAMP) : null;
  const expected = stamp ? fingerprint(readMigrations(dir)) : '';
  if (stamp && readStamp(stamp) === expected) return { applied: [], skipped: true };
  const { applied } = await migrate(db, log, dir);
  if (stamp) {
    try {
      fs.writeFileSync(`${stamp}.${process.pid}`, expected);
      fs.renameSync(`${stamp}.${process.pid}`, stamp);
    } catch {
      // A read-only folder only means checking again at the next start.
    }
  }
  return { applied, skipped: false };
}

function readStamp(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}
