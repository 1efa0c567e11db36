// With BENCH_GC: loaded into each bot process the bench starts (node --require), it writes
// every garbage collection of the process (kind, start on the monotonic clock in µs, pause
// in ms) to $BENCH_GC_LOG/<pid>.gc, for the bench to count the collections and their pauses
// in each path's measured window. Collections are less moved by other work on a shared
// machine than latency is. CommonJS and plain JavaScript: it runs in the compiled bot too.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const perfHooks = require('node:perf_hooks');
const { isMainThread } = require('node:worker_threads');

const dir = process.env.BENCH_GC_LOG;
if (dir && isMainThread) {
  const file = path.join(dir, `${process.pid}.gc`);
  // performance.now() is on the same monotonic clock as process.hrtime, from another origin.
  const originUs = Number(process.hrtime.bigint() / 1000n) - perfHooks.performance.now() * 1000;
  const { constants } = perfHooks;
  const kinds = {
    [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
    [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
    [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
    [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weak',
  };
  let lines = [];
  const flush = () => {
    if (lines.length) fs.appendFileSync(file, lines.join(''));
    lines = [];
  };
  new perfHooks.PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = kinds[entry.detail ? entry.detail.kind : entry.kind] || 'other';
      lines.push(`${kind} ${Math.round(entry.startTime * 1000 + originUs)} ${entry.duration.toFixed(3)}\n`);
    }
    if (lines.length > 500) flush();
  }).observe({ entryTypes: ['gc'] });
  setInterval(flush, 500).unref();
  process.on('exit', flush);
}
