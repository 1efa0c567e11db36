import { prepareTemplates } from './db';

/** Once per jest run: the migrated templates fresh test databases are copied from. */
export default async function globalSetup(): Promise<void> {
  await prepareTemplates();
}
