import fs from 'node:fs';
import { dropSeededTemplates, SEEDS_ENV } from './db';

/** Once the jest run is over: its seeded databases go (global-setup.ts made them a home). */
export default async function globalTeardown(): Promise<void> {
  const folder = process.env[SEEDS_ENV];
  if (!folder) return;
  await dropSeededTemplates(folder);
  fs.rmSync(folder, { recursive: true, force: true });
}
