// Preloaded into a bot the benches start (node --require, with BENCH_LOOP_FILE set): records
// each time the bot's event loop was blocked, so a stall is measured inside the bot and not
// only as the latency a client saw. A timer due every 5 ms notes how late it fired; a turn
// later than BLOCK_MS is a block, kept with when it began (epoch milliseconds, the clock the
// bench shares), its length, and how much of it the main thread ran on a CPU (from Linux's
// schedstat for the thread): on a machine shared with others a block's length also holds the
// time the thread waited for a core, its CPU time does not. Written when the process exits
// (the bot exits on SIGTERM), as JSON: { blocks: [[startedAt, ms, cpuMs, startedAtUs], …] } (cpuMs
// null where schedstat cannot be read; startedAtUs on the monotonic clock a --cpu-prof profile's
// timestamps use, to find what ran in a block).
const fs = require('node:fs');

const file = process.env.BENCH_LOOP_FILE;
if (file) {
  const TICK_MS = 5;
  const BLOCK_MS = 50;
  const schedstat = `/proc/self/task/${process.pid}/schedstat`;
  /** The main thread's CPU time so far, in ms (null: not on Linux). */
  const cpu = () => {
    try {
      return Number(fs.readFileSync(schedstat, 'utf8').split(' ')[0]) / 1e6;
    } catch {
      return null;
    }
  };
  const blocks = [];
  let last = performance.now();
  let lastUs = Number(process.hrtime.bigint() / 1000n);
  let lastCpu = cpu();
  setInterval(() => {
    const now = performance.now();
    const late = now - last - TICK_MS;
    const nowCpu = cpu();
    const nowUs = Number(process.hrtime.bigint() / 1000n);
    if (late > BLOCK_MS)
      blocks.push([Math.round(performance.timeOrigin + last + TICK_MS), Math.round(late), nowCpu === null || lastCpu === null ? null : Math.round(nowCpu - lastCpu), lastUs]);
    last = now;
    lastUs = nowUs;
    lastCpu = nowCpu;
  }, TICK_MS).unref();
  process.once('exit', () => fs.writeFileSync(file, JSON.stringify({ blocks })));
}
