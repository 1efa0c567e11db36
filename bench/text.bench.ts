// Reading a message's text (BENCH_ONLY=text): 100 KB of each markup unit through the
// command reader, and 500 K odd characters through the body cleaner. The tests only prove
// the result and guard against a hang (test/bot/text.test.ts); the speed goal they used to
// assert lives here, unchanged: each in < 1000 ms (linear reading takes milliseconds; "<"
// and "<a" took 3 to 6 s before). Wall time on a shared machine: compare runs in the same minutes.
import { cleanStrings } from '../src/activity-schema';
import { commandText, normalise, writtenText } from '../src/bot/text';

const BOT = { id: '28:bot', name: 'Dagsorden' };
const mention = { type: 'mention', text: '<at>Dagsorden</at>', mentioned: BOT };
const UNITS = ['<', '<a', '<at>', '<at>x', '<at>a</at', '<b ', '&', '&nbsp;', '[', '!', '!x', '?.', ' ', '\n', '<p>', '>'];
export const TEXT_GOAL_MS = 1000;

export interface TextRun {
  perUnit: Array<{ unit: string; ms: number }>;
  cleanMs: number;
}

/** The median of five runs of `work`, in ms. */
function median(work: () => void): number {
  const times = Array.from({ length: 5 }, () => {
    const t0 = performance.now();
    work();
    return performance.now() - t0;
  }).sort((a, b) => a - b);
  return times[2]!;
}

export function benchText(): TextRun {
  const perUnit = UNITS.map((unit) => {
    const text = unit.repeat(Math.ceil(100_000 / unit.length));
    const activity = { text, recipient: BOT, entities: [mention] };
    return {
      unit,
      ms: median(() => {
        commandText(activity);
        writtenText(activity);
        normalise(`${text}x`);
      }),
    };
  });
  const odd = '\uD800\u0000'.repeat(250_000);
  return { perUnit, cleanMs: median(() => cleanStrings({ text: odd })) };
}

/** Prints the figures; false when one missed the goal. */
export function reportText(run: TextRun): boolean {
  const slowest = run.perUnit.reduce((a, b) => (b.ms > a.ms ? b : a));
  console.log(
    `text reading, 100 KB of each of ${run.perUnit.length} markup units (median of 5): slowest ${JSON.stringify(slowest.unit)} ${slowest.ms.toFixed(1)} ms ` +
      `(goal < ${TEXT_GOAL_MS} ms each); cleaning 500 K odd characters ${run.cleanMs.toFixed(1)} ms (goal < ${TEXT_GOAL_MS} ms)`,
  );
  return run.perUnit.every((u) => u.ms < TEXT_GOAL_MS) && run.cleanMs < TEXT_GOAL_MS;
}
