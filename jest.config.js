/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  // jose is ESM only: transformed like the schema engine.
  transformIgnorePatterns: ['/node_modules/(?!(@prisma/schema-engine-wasm|jose)/)'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  testTimeout: 30000,
  // Two workers even on two cores: much of a test's time is waiting on HTTP, the outbox and
  // the database, and one worker (jest's default there) left a core idle. Three were slower
  // still (5.5 min against 4.4 for the embedded pass) and widened the SIGKILL test's window.
  maxWorkers: 2,
  // CI runs the suite twice, on the embedded database and on PostgreSQL. The second pass
  // leaves out what never reads or writes a database: document reading, the intent model,
  // cards, formatting, the domain's pure rules, the tab's front end in Chromium and the
  // fuzzing of the HTTP door (the first pass ran them, on the same code).
  testPathIgnorePatterns: process.env.DATABASE_URL
    ? ['/node_modules/', '<rootDir>/test/(documents|language|cards|i18n|domain|tab)/', '<rootDir>/test/e2e/fuzz\\.e2e\\.test\\.ts$']
    : ['/node_modules/'],
};
