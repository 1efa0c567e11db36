// At most `max` events in any `windowMs`, counted when they happen. Spacing sends evenly
// is not enough: when the event loop is busy, timers fire late and sends due one after
// the other go out together; Teams counts them as they arrive. This check, made right
// before each request, holds back the one that would make too many.

export class SlidingWindow {
  private readonly times: number[] = [];

  constructor(
    private readonly windowMs: number,
    private readonly max: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Waits until one more fits in the window, and counts it. */
  async take(): Promise<void> {
    for (;;) {
      const now = this.now();
      while (this.times.length && this.times[0]! <= now - this.windowMs) this.times.shift();
      if (this.times.length < this.max) {
        this.times.push(now);
        return;
      }
      await new Promise((r) => setTimeout(r, this.times[0]! + this.windowMs - now + 1));
    }
  }
}
