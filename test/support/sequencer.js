// The order jest runs the test files in: its own (files that failed last time first, then
// the longest by the durations it kept from earlier runs), except where it has no duration
// for a file yet (a fresh clone, as in CI): there it takes the biggest files first, which
// put the tab's browser tests, the longest of all but two small files that import their
// suites (test/tab/*.test.ts), last, keeping one worker busy long after the other was done.
// Without durations, they run first. CommonJS, as jest.config.js reads it.
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const browserTests = path.join(__dirname, '..', 'tab') + path.sep;

class BrowserTestsFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const first = (t) => t.duration == null && t.path.startsWith(browserTests);
    return [...sorted.filter(first), ...sorted.filter((t) => !first(t))];
  }
}

module.exports = BrowserTestsFirst;
