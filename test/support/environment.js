// The test environment: jest's node one, plus a store one worker process keeps for all the
// test files it runs. jest gives each test file its own globals and module registry, so
// whatever a test module caches is made again in every file; this module is loaded once
// per worker, by jest itself through Node's own require, so what it holds outlives a file.
// test/support/db.ts keeps there the bytes the embedded database is loaded from.
// CommonJS, as jest.config.js reads it.
const { TestEnvironment } = require('jest-environment-node');

/** @type {Map<string, ArrayBuffer | string>} */
const store = new Map();

class WorkerStoreEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.global.__dagsordenWorkerStore = store;
  }
}

module.exports = WorkerStoreEnvironment;
