// The window is tested on a clock the test moves (jest's fake timers, with Date.now as the
// window's clock): which take() gets through at which instant, not how long a busy machine took.
import { SlidingWindow } from '../../src/jobs/sliding-window';

describe('SlidingWindow', () => {
  beforeEach(() => jest.useFakeTimers({ now: 0 }));
  afterEach(() => jest.useRealTimers());

  it('lets max through at once, then holds the next until the oldest leaves the window', async () => {
    const w = new SlidingWindow(200, 3, () => Date.now());
    const at: number[] = [];
    const all = Promise.all(Array.from({ length: 5 }, async () => {
      await w.take();
      at.push(Date.now());
    }));
    await jest.advanceTimersByTimeAsync(0);
    expect(at).toEqual([0, 0, 0]);
    // Not a moment before the first three have left the window.
    await jest.advanceTimersByTimeAsync(200);
    expect(at).toEqual([0, 0, 0]);
    await jest.advanceTimersByTimeAsync(1);
    await all;
    expect(at).toEqual([0, 0, 0, 201, 201]);
  });

  it('holds each one until the oldest of the last three has left: never more than three in any 200 ms', async () => {
    const w = new SlidingWindow(200, 3, () => Date.now());
    const at: number[] = [];
    const take = async () => {
      await w.take();
      at.push(Date.now());
    };
    await take();
    await jest.advanceTimersByTimeAsync(150);
    await take();
    await take();
    expect(at).toEqual([0, 150, 150]);
    // The fourth waits for the first to leave (at 200), the fifth for the next two (at 350).
    const later = Promise.all([take(), take()]);
    await jest.advanceTimersByTimeAsync(400);
    await later;
    expect(at).toEqual([0, 150, 150, 201, 351]);
    // In any 200 ms, never more than three.
    for (let i = 3; i < at.length; i++) expect(at[i]! - at[i - 3]!).toBeGreaterThanOrEqual(200);
  });
});
