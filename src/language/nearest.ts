// The second opinion beside NLP.js's classifier: how close a question comes to the
// corpus's own phrasings, letter by letter (character trigrams, weighted by how rare
// they are). It sees what stems miss: compounds ("afbudsliste"), inflections and typos.
//
// Kept compact, as it lives for the process's whole life: each trigram of the corpus is
// a number, and the examples' vectors two typed arrays for all of them (trigram numbers,
// weights) rather than a Map of strings each, or two typed arrays each (a typed array
// costs some 200 bytes besides its numbers: 1.2 MB for the 3,000 examples).

export interface Neighbour {
  intent: string;
  text: string;
}

function grams(folded: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const word of folded.split(' ')) {
    const w = ` ${word} `;
    for (let i = 0; i + 3 <= w.length; i++) {
      const g = w.slice(i, i + 3);
      out.set(g, (out.get(g) ?? 0) + 1);
    }
  }
  return out;
}

/** Examples counted per step by `build`. */
const EXAMPLES_PER_STEP = 500;

interface Vector {
  /** The trigrams' numbers (see `ids`). */
  grams: Uint32Array;
  /** Their weights, the vector normalised to length 1. */
  weights: Float64Array;
}

export class NearestExamples {
  /** Each trigram of the corpus → its number, the index into `idf`. */
  private readonly ids = new Map<string, number>();
  private readonly idf: Float64Array;
  /** The intents, and each example's as its index among them. */
  private readonly intentNames: string[];
  private readonly exampleIntent: Uint16Array;
  /** Example e's trigrams are `grams[starts[e]]` up to `grams[starts[e + 1]]`, their weights (normalised to length 1) at the same places in `weights`: one array each for all examples, not two per example. Only while it is built: then turned into `postings`. */
  private readonly starts: Uint32Array;
  private grams: Uint32Array;
  private weights: Float64Array;
  /**
   * The same weights by trigram (an inverted index): the examples with trigram g are
   * `postingExamples[postingStarts[g]]` up to `postingStarts[g + 1]`, in example order, their
   * weights of it beside them. A question's dozens of trigrams then touch only the examples
   * that share one with it, not every trigram of the 3,000 examples (a third of a
   * millisecond a question in a member's own words, when each was read).
   */
  private readonly postingStarts: Uint32Array;
  private postingExamples = new Uint32Array(0);
  private postingWeights = new Float64Array(0);
  /** Each example's similarity to the question (filled and cleared per question). */
  private readonly dots: Float64Array;

  /** The same as `new`, with the event loop free (`pause`) between parts of the work (the bot builds it while it answers). */
  static async build(examples: readonly Neighbour[], pause: () => Promise<void>): Promise<NearestExamples> {
    const counts: Array<Map<string, number>> = [];
    for (let i = 0; i < examples.length; i += EXAMPLES_PER_STEP) {
      for (const e of examples.slice(i, i + EXAMPLES_PER_STEP)) counts.push(grams(e.text));
      await pause();
    }
    const built = new NearestExamples(examples, counts, false);
    for (let i = 0; i < counts.length; i += EXAMPLES_PER_STEP) {
      built.weighExamples(counts, i, Math.min(i + EXAMPLES_PER_STEP, counts.length));
      await pause();
    }
    built.index();
    return built;
  }

  /** `counted` and `weighed`: for `build` only, which counts and weighs the examples in steps. */
  constructor(examples: readonly Neighbour[], counted?: Array<Map<string, number>>, weighed = true) {
    const counts = counted ?? examples.map((e) => grams(e.text));
    const df: number[] = [];
    this.starts = new Uint32Array(counts.length + 1);
    for (const [e, c] of counts.entries()) {
      for (const g of c.keys()) {
        let id = this.ids.get(g);
        if (id === undefined) this.ids.set(g, (id = df.length));
        df[id] = (df[id] ?? 0) + 1;
      }
      // Every trigram of an example is the corpus's, so each has its place.
      this.starts[e + 1] = this.starts[e]! + c.size;
    }
    this.idf = Float64Array.from(df, (n) => Math.log(1 + examples.length / n));
    // An example counts each of its trigrams once: a trigram's examples are as many as its document frequency.
    this.postingStarts = new Uint32Array(df.length + 1);
    for (let g = 0; g < df.length; g++) this.postingStarts[g + 1] = this.postingStarts[g]! + df[g]!;
    this.dots = new Float64Array(examples.length);
    this.intentNames = [...new Set(examples.map((e) => e.intent))];
    const intentIndex = new Map(this.intentNames.map((name, i) => [name, i]));
    this.exampleIntent = Uint16Array.from(examples, (e) => intentIndex.get(e.intent)!);
    this.grams = new Uint32Array(this.starts[counts.length]!);
    this.weights = new Float64Array(this.grams.length);
    if (weighed) {
      this.weighExamples(counts, 0, counts.length);
      this.index();
    }
  }

  /** Examples `from` up to `to` into `grams` and `weights`. */
  private weighExamples(counts: ReadonlyArray<Map<string, number>>, from: number, to: number): void {
    for (let e = from; e < to; e++) {
      const v = this.weigh(counts[e]!);
      this.grams.set(v.grams, this.starts[e]);
      this.weights.set(v.weights, this.starts[e]);
    }
  }

  /** The weighed examples turned round into `postings` (by trigram, in example order); the examples' own arrays are let go. */
  private index(): void {
    const next = this.postingStarts.slice(0, -1);
    this.postingExamples = new Uint32Array(this.grams.length);
    this.postingWeights = new Float64Array(this.grams.length);
    for (let e = 0; e + 1 < this.starts.length; e++) {
      for (let j = this.starts[e]!, end = this.starts[e + 1]!; j < end; j++) {
        const at = next[this.grams[j]!]!++;
        this.postingExamples[at] = e;
        this.postingWeights[at] = this.weights[j]!;
      }
    }
    this.grams = new Uint32Array(0);
    this.weights = new Float64Array(0);
  }

  /** A text's trigram counts as its weighted, normalised vector (trigrams the corpus lacks count for nothing). */
  private weigh(counts: Map<string, number>): Vector {
    const ids: number[] = [];
    const xs: number[] = [];
    let norm = 0;
    for (const [g, n] of counts) {
      const id = this.ids.get(g);
      if (id === undefined) continue;
      const x = (1 + Math.log(n)) * this.idf[id]!;
      ids.push(id);
      xs.push(x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    return { grams: Uint32Array.from(ids), weights: Float64Array.from(xs, (x) => x / norm) };
  }

  /** Per intent, the mean similarity (0–1) of its `k` closest examples to the folded text. */
  scores(folded: string, k = 1): Map<string, number> {
    const q = this.weigh(grams(folded));
    const { dots, postingStarts, postingExamples, postingWeights, exampleIntent, intentNames } = this;
    // Per intent its k best similarities, best first (0: none yet), and the intents in the order their first example came.
    const best = new Float64Array(intentNames.length * k);
    const seen: number[] = [];
    try {
      for (let j = 0; j < q.grams.length; j++) {
        const g = q.grams[j]!;
        const w = q.weights[j]!;
        for (let p = postingStarts[g]!, end = postingStarts[g + 1]!; p < end; p++) dots[postingExamples[p]!]! += postingWeights[p]! * w;
      }
      // In example order, as every example was once read in turn: an intent's place among equals stays what it was.
      for (let e = 0; e < dots.length; e++) {
        const dot = dots[e]!;
        if (!dot) continue;
        const at = exampleIntent[e]! * k;
        if (!best[at]) seen.push(exampleIntent[e]!);
        if (dot <= best[at + k - 1]!) continue;
        let i = at + k - 1;
        for (; i > at && best[i - 1]! < dot; i--) best[i] = best[i - 1]!;
        best[i] = dot;
      }
    } finally {
      dots.fill(0);
    }
    const out = new Map<string, number>();
    for (const intent of seen) {
      let sum = 0;
      for (let i = intent * k; i < intent * k + k && best[i]; i++) sum += best[i]!;
      out.set(intentNames[intent]!, sum / k);
    }
    return out;
  }
}
