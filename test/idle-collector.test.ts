import { IdleWatch, startIdleCollector } from '../src/idle-collector';

/** Feeds one sample a second; cpuPerSecond(t) is the CPU (ms) used in the second before t. */
function run(watch: IdleWatch, seconds: number, cpuPerSecond: (t: number) => number, onCollect?: (t: number) => number) {
  const collections: number[] = [];
  let cpu = 0;
  for (let t = 0; t <= seconds; t++) {
    cpu += t === 0 ? 0 : cpuPerSecond(t);
    if (watch.sample(t * 1000, cpu)) {
      collections.push(t);
      cpu += onCollect?.(t) ?? 0;
      watch.collected(t * 1000, cpu);
    }
  }
  return collections;
}

describe('IdleWatch: when the process has gone quiet after work', () => {
  it('collects once the start-up is followed by quietMs of near-idle CPU, and not again while idle', () => {
    const watch = new IdleWatch(6000, 0.02);
    // A busy second at the start, then polls of 5 ms a second (0.5 %).
    expect(run(watch, 60, (t) => (t === 1 ? 900 : 5))).toEqual([7]);
  });

  it('waits for quiet: no collection while the process stays busy', () => {
    const watch = new IdleWatch(6000, 0.02);
    expect(run(watch, 30, () => 300)).toEqual([]);
  });

  it('collects again after each burst of work, once the burst is quietMs behind', () => {
    const watch = new IdleWatch(6000, 0.02);
    const busy = new Set([1, 20, 21, 22, 45]);
    expect(run(watch, 70, (t) => (busy.has(t) ? 500 : 2))).toEqual([7, 28, 51]);
  });

  it("does not count its own collection's CPU as work", () => {
    const watch = new IdleWatch(6000, 0.02);
    // A collection costs 200 ms of CPU: without collected() resetting the window, that would re-arm it.
    expect(run(watch, 40, (t) => (t === 1 ? 900 : 1), () => 200)).toEqual([7]);
  });

  it('treats a window just above the quiet share as work', () => {
    const watch = new IdleWatch(6000, 0.02);
    // 130 ms a second (13 %) for 10 s, then 25 ms a second (2.5 %): never quiet.
    expect(run(watch, 30, (t) => (t <= 10 ? 130 : 25))).toEqual([]);
  });
});

describe('startIdleCollector', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('calls gc twice once quiet, on its own timer, and stops', () => {
    let now = 0;
    let cpu = 0;
    const gc = jest.fn();
    const collector = startIdleCollector({ gc, now: () => now, cpuMs: () => cpu, checkEveryMs: 1000, quietMs: 3000 });
    const tick = (cpuUsed: number) => {
      now += 1000;
      cpu += cpuUsed;
      jest.advanceTimersByTime(1000);
    };
    tick(800);
    tick(1);
    tick(1);
    expect(gc).not.toHaveBeenCalled();
    tick(1);
    tick(1);
    expect(gc).toHaveBeenCalledTimes(2);
    for (let i = 0; i < 10; i++) tick(1);
    expect(gc).toHaveBeenCalledTimes(2);
    collector.stop();
    tick(900);
    for (let i = 0; i < 10; i++) tick(0);
    expect(gc).toHaveBeenCalledTimes(2);
  });
});
