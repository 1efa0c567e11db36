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
  // Three workers on two cores: much of a test's time is waiting on HTTP, the outbox's pace
  // and child processes (the suite used 1.3 of 2 cores with two workers, and CI took 11 minutes).
  maxWorkers: 3,
};
