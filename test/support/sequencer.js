// The order jest runs the test files in: its own (files that failed last time first, then
// the longest by the durations it kept from earlier runs), except where it has no duration
// for a file yet (a fresh clone, as in CI): there it takes the biggest files first, which
// put the tab's browser tests, the longest of all but two small files that import their
// suites (test/tab/*.test.ts), last, keeping one worker busy long after the other was done.
// Without durations, the first of them runs first and the next half-way through the rest:
// run side by side at the start, each took 97–102 s against 70–83 s among the other files
// (each browser is several processes, on two cores). CommonJS, as jest.config.js reads it.
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const browserTests = path.join(__dirname, '..', 'tab') + path.sep;

class BrowserTestsFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    const browser = (t) => t.duration == null && t.path.startsWith(browserTests);
    const [lead, ...later] = sorted.filter(browser);
    const rest = sorted.filter((t) => !browser(t));
    if (!lead) return rest;
    const order = [lead, ...rest];
    // The others spread over the second half, one each at even steps.
    later.forEach((t, i) => order.splice(1 + Math.floor(((i + 1) * rest.length) / (later.length + 1)) + i, 0, t));
    return order;
  }
}

module.exports = BrowserTestsFirst;
