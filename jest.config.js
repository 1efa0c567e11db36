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
  // the database, and one worker (jest's default there) left a core idle and CI at 10+ minutes.
  maxWorkers: 2,
};
