// Which database the configuration names: apart from the store's wiring, so index.ts can
// start opening it before the rest of the app is loaded.
import type { Config } from '../config';
import type { DatabaseTarget } from '../store/database';

export function databaseTarget(config: Config): DatabaseTarget {
  return config.DATABASE_URL ? { kind: 'postgres', url: config.DATABASE_URL } : { kind: 'embedded', dataDir: config.DATA_DIR };
}
