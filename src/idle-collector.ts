// Hands memory back to the system once the process has gone quiet.
//
// V8 grows its young generation under load (up to twice --max-semi-space-size) and lets
// the old one fill with garbage before it collects; an idle process allocates too little
// for it to collect soon, so what a burst of turns (or the start-up) left stays resident.
// And V8 shrinks the young generation again only in a collection made while the process
// allocates little, by its own measure over the last 5 s: a collection right after the
// burst keeps it at its full size. So: once the process has used almost no CPU for
// `quietMs` after having been busy, two full collections (the second compacts what the
// first left half-empty). Needs node's --expose-gc (`npm start` has it); without it,
// nothing runs.

export interface IdleCollectorOptions {
  /** A full garbage collection (globalThis.gc under --expose-gc). */
  gc: () => void;
  /** The process's CPU time so far, in ms. */
  cpuMs?: () => number;
  /** Now, in ms. */
  now?: () => number;
  /** How often to look (ms). */
  checkEveryMs?: number;
  /** How long the process must have been quiet (ms): more than V8's 5 s allocation window. */
  quietMs?: number;
  /** Quiet means below this share of one core over `quietMs` (the outbox's and the jobs' polls stay below it). */
  quietShare?: number;
}

/** The decision, apart from timers and the process: fed one sample per check, says when to collect. */
export class IdleWatch {
  private samples: Array<{ at: number; cpu: number }> = [];
  /** Busy since the last collection (the start-up counts as busy). */
  private armed = true;

  constructor(
    private readonly quietMs: number,
    private readonly quietShare: number,
  ) {}

  /** Records a sample; true when the process was busy and has now been quiet for quietMs. */
  sample(at: number, cpu: number): boolean {
    this.samples.push({ at, cpu });
    while (this.samples.length > 1 && at - this.samples[1]!.at >= this.quietMs) this.samples.shift();
    const first = this.samples[0]!;
    const span = at - first.at;
    if (span < this.quietMs) return false;
    const quiet = cpu - first.cpu < this.quietShare * span;
    if (!quiet) {
      this.armed = true;
      return false;
    }
    return this.armed;
  }

  /** After a collection: its own CPU is not activity, and the next one waits for new work. */
  collected(at: number, cpu: number): void {
    this.armed = false;
    this.samples = [{ at, cpu }];
  }
}

const processCpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** Starts watching (an unref'd timer: it never keeps the process alive); stop() ends it. */
export function startIdleCollector(options: IdleCollectorOptions): { stop(): void } {
  const cpuMs = options.cpuMs ?? processCpuMs;
  const now = options.now ?? (() => performance.now());
  const watch = new IdleWatch(options.quietMs ?? 6000, options.quietShare ?? 0.02);
  const timer = setInterval(() => {
    if (!watch.sample(now(), cpuMs())) return;
    options.gc();
    options.gc();
    watch.collected(now(), cpuMs());
  }, options.checkEveryMs ?? 1000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
