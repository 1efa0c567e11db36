// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the
// embedded database in DATA_DIR (default ./data). The bot also does this at start-up.
import { databaseTarget } from '../src/wiring/target';
import { loadConfig } from '../src/config';
import { openDatabase } from '../src/store/database';
import { migrate } from '../src/store/migrate';

async function main(): Promise<void> {
  const config = loadConfig();
  const target = databaseTarget(config);
  const db = await openDatabase(target);
  try {
    const where = target.kind === 'embedded' ? `embedded database in ${target.dataDir}` : 'PostgreSQL (DATABASE_URL)';
    const { applied } = await migrate(db, (msg) => console.log(msg));
    console.log(applied.length ? `${applied.length} migration(s) applied to the ${where}` : `the ${where} is up to date`);
  } finally {
    await db.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
