// `npm run db:diff -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that brings the existing migrations up to prisma/schema.prisma, using
// Prisma's schema engine as WebAssembly (works offline; `prisma migrate dev` does the
// same where Prisma's native engine can be downloaded).
import fs from 'node:fs';
import path from 'node:path';
import { migrationsDir } from '../src/store/migrate';
import { diffMigrationsToSchema } from '../src/store/schema-engine';

async function main(): Promise<void> {
  const name = (process.argv[2] ?? '').toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (!name) {
    console.error('Usage: npm run db:diff -- <name>   (e.g. npm run db:diff -- add_topic_tags)');
    process.exit(2);
  }
  const sql = await diffMigrationsToSchema();
  if (!sql) {
    console.log('no changes: the migrations already match prisma/schema.prisma');
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'migration.sql'), `${sql}\n`);
  const lock = path.join(migrationsDir, 'migration_lock.toml');
  if (!fs.existsSync(lock)) fs.writeFileSync(lock, 'provider = "postgresql"\n');
  console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}

main().then(
  () => process.exit(0), // the engine leaves timers behind
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
