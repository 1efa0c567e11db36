// A migrated, empty embedded database, made once (by the build, or by the test run's
// global setup): a data folder, copied to a new DATA_DIR on first start, and the same
// as a tarball, loaded by in-memory databases (tests). Loading a tarball into a data
// folder would also work, but unpacks it inside the bot's process (about 100 MB more
// memory, kept); copying files costs the process nothing. Creating
// a PostgreSQL cluster (initdb) takes PGlite 4–7 s and 700 MB of WebAssembly memory;
// unpacking a finished one takes a fraction of a second. The file's name carries
// PGlite's version and the migrations' checksums, so a template never serves a
// database it does not match: without a matching one the database is created as before.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { readMigrations } from './migrate';

/** Beside prisma/ of this checkout (dist/ has its own, made by scripts/build.js). */
export const templateDir = path.join(__dirname, '..', '..', '.data-template');

/** PGlite's dist/ folder: its entry, its WebAssembly and its fs bundle. */
export function pgliteDir(): string {
  return path.dirname(require.resolve('@electric-sql/pglite'));
}

function pgliteVersion(): string {
  // The package exports no package.json; its entry lies in dist/ of the package folder.
  const pkg = path.join(pgliteDir(), '..', 'package.json');
  return (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version;
}

/** Changes whenever a migration is added or changed. */
export function migrationsHash(dir?: string): string {
  const hash = createHash('sha256');
  for (const m of readMigrations(dir)) hash.update(m.name).update(m.checksum);
  return hash.digest('hex').slice(0, 12);
}

/** Where the template tarball for this PGlite and these migrations is (whether or not it exists); the folder is beside it, without .tar.gz. */
export function templatePath(dir: string = templateDir): string {
  return path.join(dir, `pglite-${pgliteVersion()}-${migrationsHash()}.tar.gz`);
}

/**
 * A data folder's dump (a tarball) for PGlite to load: all it reads of one (loadDataDir)
 * is its bytes and its type, which says whether they are gzipped. A Blob serves (what
 * dumpDataDir gives), and tarballDump one of a file's bytes without Node's Blob.
 */
export type DataDirDump = Pick<Blob, 'arrayBuffer' | 'type'>;

/**
 * A tarball's bytes, gunzipped if it is gzipped, for tarballDump. Gunzipped here with
 * zlib: a gzipped dump PGlite first tries as a plain tar, then inflates through a web stream.
 */
export function readTarball(file: string): ArrayBuffer {
  const read = fs.readFileSync(file);
  return arrayBufferOf(read[0] === 0x1f && read[1] === 0x8b ? zlib.gunzipSync(read) : read);
}

/** A buffer's bytes as an ArrayBuffer of their own: its whole backing store when it is exactly that (no copy). */
export function arrayBufferOf(bytes: Buffer): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return (whole ? bytes.buffer : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)) as ArrayBuffer;
}

/**
 * A tarball's bytes (readTarball) as a dump for loadDataDir. Not a Blob: on Node 20, making
 * one of a 40 MB tarball and reading it back cost more CPU than the rest of loading it
 * (about half a second in a test process). Not copied either (that cost 0.1-0.5 s): PGlite
 * copies what it unpacks and never writes to the bytes, which serve any number of loads.
 */
export function tarballDump(tar: ArrayBuffer): DataDirDump {
  return { type: 'application/x-tar', arrayBuffer: async () => tar };
}

const folderOf = (tarball: string) => tarball.replace(/\.tar\.gz$/, '');

/**
 * A new cluster of this PGlite, nothing migrated (whether or not it exists): the schema
 * engine's diff starts from it (schema-engine.ts) instead of running initdb, 4 s of CPU
 * and more on a busy machine. writeTemplate leaves it there when asked (the build, for
 * the checkout's tests and `npm run db:diff`; not in dist/, which a bot never needs it in).
 */
export function emptyClusterPath(dir: string = templateDir): string {
  return path.join(dir, `pglite-${pgliteVersion()}-empty.tar.gz`);
}

/** Fills the new data folder `dataDir` from the matching template; false when there is none. */
export function copyTemplate(dataDir: string): boolean {
  const folder = folderOf(templatePath());
  if (!fs.existsSync(path.join(folder, 'PG_VERSION'))) return false;
  fs.cpSync(folder, dataDir, { recursive: true });
  return true;
}

/**
 * Makes the template (an in-memory database, migrated, dumped) unless it exists. Run it
 * in a process of its own where memory matters: initdb grows the WebAssembly memory to
 * about 700 MB, which a process never gets back.
 */
export async function writeTemplate(file: string = templatePath(), emptyCluster?: string): Promise<string> {
  const folder = folderOf(file);
  if (fs.existsSync(file) && fs.existsSync(path.join(folder, 'PG_VERSION'))) return file;
  // Imported here: database.ts imports this module.
  const { openDatabase } = await import('./database');
  const { migrate } = await import('./migrate');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Made beside and renamed: a parallel build or test run never reads half of one.
  const building = `${folder}.${process.pid}`;
  fs.rmSync(building, { recursive: true, force: true });
  const db = await openDatabase({ kind: 'embedded', dataDir: building, template: false });
  try {
    if (emptyCluster && !fs.existsSync(emptyCluster)) {
      // Before the migrations: the cluster as initdb left it.
      const empty = await db.dumpDataDir!();
      fs.mkdirSync(path.dirname(emptyCluster), { recursive: true });
      fs.writeFileSync(`${emptyCluster}.${process.pid}`, Buffer.from(await empty.arrayBuffer()));
      fs.renameSync(`${emptyCluster}.${process.pid}`, emptyCluster);
    }
    await migrate(db);
    const dump = await db.dumpDataDir!();
    fs.writeFileSync(`${file}.${process.pid}`, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await db.close();
  }
  fs.rmSync(folder, { recursive: true, force: true });
  fs.renameSync(building, folder);
  fs.renameSync(`${file}.${process.pid}`, file);
  // Older templates (earlier migrations or PGlite) are of no further use.
  for (const name of fs.readdirSync(path.dirname(file))) {
    const other = path.join(path.dirname(file), name);
    if (name.startsWith('pglite-') && other !== file && other !== folder && other !== emptyClusterPath(path.dirname(file)) && !name.includes('.tar.gz.') && !/\.\d+$/.test(name)) {
      fs.rmSync(other, { recursive: true, force: true });
    }
  }
  return file;
}
