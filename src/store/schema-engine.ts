// Prisma's schema engine as WebAssembly (no native binary, no download), on an
// in-memory PGlite database: used at development time to write new migrations
// (`npm run db:diff`) and by the test that proves the migrations equal the schema.
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { emptyClusterPath, readTarball, tarballDump, type DataDirDump } from './data-template';
import { migrationsDir, readMigrations } from './migrate';

export const schemaPath = path.join(__dirname, '..', '..', 'prisma', 'schema.prisma');

interface Engine {
  diff(params: unknown): Promise<{ exitCode: number; stdout?: string }>;
  free(): void;
}

type WasmExports = Record<string, unknown>;

interface Glue {
  SchemaEngine: { new: (options: unknown, log: (msg: string) => void, adapter: unknown) => Promise<Engine> };
  __wbg_set_wasm(exports: WasmExports): void;
}

// Node's global WebAssembly, typed just as far as used here (the DOM lib is not loaded).
const wasmRuntime = (globalThis as unknown as {
  WebAssembly: { instantiate(bytes: Buffer, imports: object): Promise<{ instance: { exports: WasmExports } }> };
}).WebAssembly;

let glue: Promise<Glue> | undefined;

/** Loads the engine's wasm-bindgen glue and instantiates the .wasm once per process. */
function loadGlue(): Promise<Glue> {
  glue ??= (async () => {
    const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
    // The package imports its .wasm bundler-style; plain Node needs it instantiated by hand.
    const bg = (await import(path.join(dir, 'schema_engine_bg.js'))) as Glue & Record<string, unknown>;
    const { instance } = await wasmRuntime.instantiate(fs.readFileSync(path.join(dir, 'schema_engine_bg.wasm')), {
      './schema_engine_bg.js': bg,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return glue;
}

let emptyCluster: Promise<DataDirDump> | undefined;

/**
 * A new, empty in-memory database. Creating a cluster (initdb) takes seconds: the build
 * leaves one in the checkout (data-template.ts, emptyClusterPath); without it, it is done
 * once per process. Each database is a copy of that empty cluster.
 */
async function emptyDatabase(): Promise<PGlite> {
  emptyCluster ??= (async () => {
    const saved = emptyClusterPath();
    if (fs.existsSync(saved)) return tarballDump(readTarball(saved));
    const first = await PGlite.create();
    try {
      return await first.dumpDataDir('none');
    } finally {
      await first.close();
    }
  })();
  // PGlite's type is Blob; it reads only what DataDirDump has (see data-template.ts).
  return PGlite.create({ loadDataDir: (await emptyCluster) as Blob });
}

/**
 * The SQL that takes the database from the migrations in `dir` to what the schema
 * describes; empty when they already agree.
 */
export async function diffMigrationsToSchema(
  schemaText: string = fs.readFileSync(schemaPath, 'utf8'),
  dir: string = migrationsDir,
): Promise<string> {
  const { SchemaEngine } = await loadGlue();
  // One empty database serves as both: a diff from migrations to the schema replays the
  // migrations on the shadow database and reads nothing from the main one (which the
  // engine connects to all the same). A second PGlite cost 1.5-2 s of CPU per diff.
  const db = await emptyDatabase();
  const factory = {
    provider: 'postgres' as const,
    adapterName: 'pglite',
    connect: () => new PrismaPGlite(db).connect(),
    connectToShadowDb: () => new PrismaPGlite(db).connect(),
  };
  const engine = await SchemaEngine.new(
    { datamodels: [['schema.prisma', schemaText]] },
    () => undefined,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    const migrations = readMigrations(dir);
    const from = migrations.length
      ? {
          tag: 'migrations',
          baseDir: dir,
          lockfile: { path: 'migration_lock.toml', content: 'provider = "postgresql"\n' },
          shadowDbInitScript: '',
          migrationDirectories: migrations.map((m) => ({
            path: m.name,
            migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: m.sql } },
          })),
        }
      : { tag: 'empty' };
    const result = await engine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schemaText }] },
      script: true,
      shadowDatabaseUrl: null,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql = (result.stdout ?? '').trim();
    return /^-- This is an empty migration\.?$/.test(sql) ? '' : sql;
  } finally {
    engine.free();
    await db.close();
  }
}
