// The migrations are the schema: replaying prisma/migrations gives exactly what
// prisma/schema.prisma describes, on both databases, and applying is idempotent. The
// diff (in-memory PGlite) and the embedded data folder run in the embedded run only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../src/store/database';
import { MIGRATED_STAMP, migrate, migrateUnlessStamped, migrationsDir, readMigrations } from '../../src/store/migrate';
import { diffMigrationsToSchema } from '../../src/store/schema-engine';
import { databaseKinds, describeEmbeddedRun, freshDatabase } from '../support/db';

describeEmbeddedRun('migrations', () => {
  // The schema engine's WebAssembly and a new PGlite cluster (initdb) take their time on a busy machine.
  jest.setTimeout(90_000);

  it('produce exactly what schema.prisma describes (Prisma schema engine diff is empty)', async () => {
    expect(readMigrations().length).toBeGreaterThan(0);
    expect(await diffMigrationsToSchema()).toBe('');
  });

  it('the diff is not empty when the schema has something the migrations lack', async () => {
    const schema = fs.readFileSync(path.join(migrationsDir, '..', 'schema.prisma'), 'utf8');
    const changed = schema.replace('model AuditEvent {', 'model AuditEvent {\n  extra String?');
    expect(await diffMigrationsToSchema(changed)).toMatch(/ALTER TABLE "AuditEvent" ADD COLUMN\s+"extra" TEXT/);
  });
});

describe.each(databaseKinds)('applying migrations on %s', (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await freshDatabase(kind);
  });
  afterAll(async () => db?.close());

  it("records every migration in Prisma's table, with sha256 checksums, and applies nothing twice", async () => {
    const rows = await db.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(readMigrations().map((m) => [m.name, m.checksum]));
    expect(rows.every((r) => r.finished_at)).toBe(true);
    expect(await migrate(db)).toEqual({ applied: [] });
  });

  it('refuses a migration that was changed after it was applied', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    for (const m of readMigrations()) {
      fs.mkdirSync(path.join(dir, m.name));
      fs.writeFileSync(path.join(dir, m.name, 'migration.sql'), `${m.sql}\n-- edited`);
    }
    await expect(migrate(db, undefined, dir)).rejects.toThrow(/was changed after it was applied/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('applies a new migration once, in order, and the data model works', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    for (const m of readMigrations()) {
      fs.mkdirSync(path.join(dir, m.name));
      fs.writeFileSync(path.join(dir, m.name, 'migration.sql'), m.sql);
    }
    fs.mkdirSync(path.join(dir, '99990101000000_probe'));
    fs.writeFileSync(path.join(dir, '99990101000000_probe', 'migration.sql'), 'CREATE TABLE "Probe" (id int);');
    expect(await migrate(db, undefined, dir)).toEqual({ applied: ['99990101000000_probe'] });
    expect(await migrate(db, undefined, dir)).toEqual({ applied: [] });
    fs.rmSync(dir, { recursive: true, force: true });
    const committee = await db.prisma.committee.create({ data: { slug: 'x', name: 'X' } });
    expect(committee.timeZone).toBe('Europe/Copenhagen');
  });
});

describeEmbeddedRun('the embedded database in a data folder', () => {
  // One test creates a PGlite cluster (initdb) and applies every migration.
  jest.setTimeout(90_000);

  it('starts from the migrated template (no initdb) and is kept across restarts', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dagsorden-data-'));
    let db = await openDatabase({ kind: 'embedded', dataDir });
    // The template is migrated already: nothing to apply, every migration recorded.
    expect(await migrate(db)).toEqual({ applied: [] });
    const recorded = await db.sql.query<{ migration_name: string }>('SELECT migration_name FROM "_prisma_migrations" ORDER BY migration_name');
    expect(recorded.map((r) => r.migration_name)).toEqual(readMigrations().map((m) => m.name));
    await db.prisma.committee.create({ data: { slug: 'kept', name: 'Kept' } });
    await db.close();
    db = await openDatabase({ kind: 'embedded', dataDir });
    expect(await migrate(db)).toEqual({ applied: [] });
    expect(await db.prisma.committee.count({ where: { slug: 'kept' } })).toBe(1);
    await db.close();
    // The template itself is untouched by what the copy holds.
    const other = fs.mkdtempSync(path.join(os.tmpdir(), 'dagsorden-data-'));
    db = await openDatabase({ kind: 'embedded', dataDir: other });
    expect(await db.prisma.committee.count()).toBe(0);
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(other, { recursive: true, force: true });
  });

  it('a restart skips the check its stamp vouches for, and checks again once a migration is added', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dagsorden-data-'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    for (const m of readMigrations()) {
      fs.mkdirSync(path.join(dir, m.name));
      fs.writeFileSync(path.join(dir, m.name, 'migration.sql'), m.sql);
    }
    let db = await openDatabase({ kind: 'embedded', dataDir });
    // The template's folder holds no stamp: the first start checks, then stamps.
    expect(await migrateUnlessStamped(db, dataDir, undefined, dir)).toEqual({ applied: [], skipped: false });
    expect(fs.existsSync(path.join(dataDir, MIGRATED_STAMP))).toBe(true);
    expect(await migrateUnlessStamped(db, dataDir, undefined, dir)).toEqual({ applied: [], skipped: true });
    await db.close();
    fs.mkdirSync(path.join(dir, '99990101000000_probe'));
    fs.writeFileSync(path.join(dir, '99990101000000_probe', 'migration.sql'), 'CREATE TABLE "Probe" (id int);');
    db = await openDatabase({ kind: 'embedded', dataDir });
    expect(await migrateUnlessStamped(db, dataDir, undefined, dir)).toEqual({ applied: ['99990101000000_probe'], skipped: false });
    expect(await db.sql.query('SELECT id FROM "Probe"')).toEqual([]);
    expect(await migrateUnlessStamped(db, dataDir, undefined, dir)).toEqual({ applied: [], skipped: true });
    // Without a folder of its own (PostgreSQL, in memory) the check always runs.
    expect(await migrateUnlessStamped(db, null, undefined, dir)).toEqual({ applied: [], skipped: false });
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is created and migrated on first open when no template matches', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dagsorden-data-'));
    const db = await openDatabase({ kind: 'embedded', dataDir, template: false });
    expect((await migrate(db)).applied.length).toBe(readMigrations().length);
    await db.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
