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
  private readonly intents: string[];
  /** Example e's trigrams are `grams[starts[e]]` up to `grams[starts[e + 1]]`, their weights (normalised to length 1) at the same places in `weights`: one array each for all examples, not two per example. */
  private readonly starts: Uint32Array;
  private readonly grams: Uint32Array;
  private readonly weights: Float64Array;
  /** The question's weights by trigram number, zero elsewhere (filled and cleared per question). */
  private readonly query: Float64Array;

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
    this.query = new Float64Array(df.length);
    this.intents = examples.map((e) => e.intent);
    this.grams = new Uint32Array(this.starts[counts.length]!);
    this.weights = new Float64Array(this.grams.length);
    if (weighed) this.weighExamples(counts, 0, counts.length);
  }

  /** Examples `from` up to `to` into `grams` and `weights`. */
  private weighExamples(counts: ReadonlyArray<Map<string, number>>, from: number, to: number): void {
    for (let e = from; e < to; e++) {
      const v = this.weigh(counts[e]!);
      this.grams.set(v.grams, this.starts[e]);
      this.weights.set(v.weights, this.starts[e]);
    }
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
    for (let j = 0; j < q.grams.length; j++) this.query[q.grams[j]!] = q.weights[j]!;
    const top = new Map<string, number[]>();
    const { starts, grams: ids, weights } = this;
    try {
      for (let e = 0; e < this.intents.length; e++) {
        let dot = 0;
        for (let j = starts[e]!, end = starts[e + 1]!; j < end; j++) dot += weights[j]! * this.query[ids[j]!]!;
        if (!dot) continue;
        const intent = this.intents[e]!;
        const list = top.get(intent) ?? [];
        list.push(dot);
        list.sort((a, b) => b - a);
        if (list.length > k) list.length = k;
        top.set(intent, list);
      }
    } finally {
      for (let j = 0; j < q.grams.length; j++) this.query[q.grams[j]!] = 0;
    }
    const out = new Map<string, number>();
    for (const [intent, list] of top) out.set(intent, list.reduce((a, b) => a + b, 0) / k);
    return out;
  }
}
