const fs = require('node:fs');
const path = require('node:path');
const { databaseTestFiles } = require('./test/support/database-tests');

// CI runs the suite twice, on the embedded database and on PostgreSQL (DATABASE_URL set).
// The second pass runs only the test files that can open a database (found from their
// imports: test/support/database-tests.js), each on PostgreSQL alone: everything else ran
// in the first pass on the same code. Some of those use a database but test nothing that
// depends on which, and run in the first pass only: the tab's front end in Chromium
// (test/tab/) and the fuzzing of the HTTP door.
const embeddedPassOnly = [
  path.join(__dirname, 'test', 'tab') + path.sep,
  path.join(__dirname, 'test', 'e2e', 'fuzz.e2e.test.ts'),
];
const onPostgres = Boolean(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL);

// Temporary files in memory where the machine has room there: the tests make and remove
// dozens of embedded data folders (about 1,100 files, 40 MB each), and on a disk mounted
// with online discard each removal waited 2-3 s for the TRIMs (migrations.test.ts: 90 s
// against 68 s, wall, same minutes). Set here, before the workers start: they, and the
// bots and browsers the tests start, inherit it (os.tmpdir() reads TMPDIR). A small
// /dev/shm (Docker's default is 64 MB) keeps the disk.
const shm = '/dev/shm';
try {
  const { bavail, bsize } = fs.statfsSync(shm);
  if (!process.env.TMPDIR && bavail * bsize > 4 * 1024 ** 3) process.env.TMPDIR = shm;
} catch {
  // No /dev/shm (not Linux): the system's temporary folder.
}

/** @type {import('jest').Config} */
module.exports = {
  // jest's node environment with a store kept across a worker's test files (see there).
  testEnvironment: '<rootDir>/test/support/environment.js',
  roots: ['<rootDir>/test'],
  testMatch: onPostgres
    ? databaseTestFiles().filter((f) => !embeddedPassOnly.some((only) => f.startsWith(only)))
    : ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  // jose is ESM only: transformed like the schema engine.
  transformIgnorePatterns: ['/node_modules/(?!(@prisma/schema-engine-wasm|jose)/)'],
  testSequencer: '<rootDir>/test/support/sequencer.js',
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 30000,
  // Two workers even on two cores: much of a test's time is waiting on HTTP, the outbox and
  // the database, and one worker (jest's default there) left a core idle. Three were slower
  // still (5.5 min against 4.4 for the embedded pass) and widened the SIGKILL test's window.
  maxWorkers: 2,
  // (package.json's jest script runs node with --liftoff-only: the embedded database's
  // WebAssembly stays on V8's baseline tier, as src/index.ts runs it for the embedded
  // database. The optimising tier's compiles cost the suite more CPU than they save on
  // tests that each open a database for a few hundred queries: about 15 % less CPU.)
};
