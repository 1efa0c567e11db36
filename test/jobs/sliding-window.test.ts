import { SlidingWindow } from '../../src/jobs/sliding-window';

describe('SlidingWindow', () => {
  it('lets max through at once, then holds the next until the oldest leaves the window', async () => {
    const w = new SlidingWindow(200, 3);
    const started = performance.now();
    const at: number[] = [];
    await Promise.all(Array.from({ length: 5 }, async () => {
      await w.take();
      at.push(performance.now() - started);
    }));
    at.sort((a, b) => a - b);
    expect(at.slice(0, 3).every((t) => t < 50)).toBe(true);
    expect(at[3]).toBeGreaterThanOrEqual(195);
    expect(at[4]).toBeGreaterThanOrEqual(195);
    // In any 200 ms, never more than three.
    for (let i = 3; i < at.length; i++) expect(at[i]! - at[i - 3]!).toBeGreaterThanOrEqual(195);
  });
});
