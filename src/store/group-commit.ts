// Group commit: requests of one kind that arrive together are written by one statement.
// Under load (fifty members clicking at once) a statement per request is most of the
// cost of a click on the embedded database; one statement for all of them costs little
// more than one. When the bot is idle a request is written on its own, at once.
//
// Order and isolation are kept: requests with the same key (the same member on the same
// item) never share a batch, so a later one is written after an earlier one; and when a
// batch fails, each of its requests is tried alone, so one bad request fails only itself.

export interface GroupCommitOptions<I, O> {
  /** Writes the requests, in one statement; returns one result per request, in order. */
  run(inputs: I[]): Promise<O[]>;
  /** Requests with the same key are written one after the other, never in one batch. */
  keyOf(input: I): string;
  /** The most requests written by one statement. */
  maxBatch: number;
}

interface Waiting<I, O> {
  input: I;
  resolve(output: O): void;
  reject(err: unknown): void;
}

export class GroupCommit<I, O> {
  private queue: Array<Waiting<I, O>> = [];
  private draining = false;

  constructor(private readonly options: GroupCommitOptions<I, O>) {}

  /** Resolves once the request is written (or rejects with why it was not). */
  submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.queue.push({ input, resolve, reject });
      if (!this.draining) {
        this.draining = true;
        // Let the requests that are arriving in this turn of the event loop join in.
        setImmediate(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length) await this.write(this.take());
    } finally {
      this.draining = false;
    }
  }

  /** The next batch: oldest first, at most one request per key, at most maxBatch. */
  private take(): Array<Waiting<I, O>> {
    const keys = new Set<string>();
    const batch: Array<Waiting<I, O>> = [];
    const later: Array<Waiting<I, O>> = [];
    for (const waiting of this.queue) {
      const key = this.options.keyOf(waiting.input);
      if (batch.length < this.options.maxBatch && !keys.has(key)) {
        keys.add(key);
        batch.push(waiting);
      } else {
        later.push(waiting);
      }
    }
    this.queue = later;
    return batch;
  }

  private async write(batch: Array<Waiting<I, O>>): Promise<void> {
    try {
      const outputs = await this.options.run(batch.map((w) => w.input));
      if (outputs.length !== batch.length) throw new Error(`group commit: ${outputs.length} results for ${batch.length} requests`);
      batch.forEach((w, i) => w.resolve(outputs[i]!));
    } catch (err) {
      if (batch.length === 1) {
        batch[0]!.reject(err);
        return;
      }
      for (const w of batch) {
        try {
          const [output] = await this.options.run([w.input]);
          w.resolve(output!);
        } catch (alone) {
          w.reject(alone);
        }
      }
    }
  }
}
