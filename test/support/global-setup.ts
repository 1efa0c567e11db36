import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prepareTemplates, SEEDS_ENV } from './db';

/**
 * Once per jest run: the migrated templates fresh test databases are copied from, and the
 * folder the run's seeded databases are kept in (test/support/db.ts, seededDatabase; the
 * workers inherit its name; global-teardown.ts removes it).
 */
export default async function globalSetup(): Promise<void> {
  await prepareTemplates();
  process.env[SEEDS_ENV] = fs.mkdtempSync(path.join(os.tmpdir(), 'dagsorden-seeds-'));
}
