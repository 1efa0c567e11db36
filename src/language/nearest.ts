// The second opinion beside NLP.js's classifier: how close a question comes to the
// corpus's own phrasings, letter by letter (character trigrams, weighted by how rare
// they are). It sees what stems miss: compounds ("afbudsliste"), inflections and typos.
//
// Kept compact, as it lives for the process's whole life: each trigram of the corpus is
// a number, and an example's vector two typed arrays (trigram numbers, weights) rather
// than a Map of strings, about 1 MB for the 3,000 examples instead of 5.

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
  private readonly vectors: Vector[];
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
      for (const c of counts.slice(i, i + EXAMPLES_PER_STEP)) built.vectors.push(built.weigh(c));
      await pause();
    }
    return built;
  }

  /** `counted` and `weighed`: for `build` only, which counts and weighs the examples in steps. */
  constructor(examples: readonly Neighbour[], counted?: Array<Map<string, number>>, weighed = true) {
    const counts = counted ?? examples.map((e) => grams(e.text));
    const df: number[] = [];
    for (const c of counts) {
      for (const g of c.keys()) {
        let id = this.ids.get(g);
        if (id === undefined) this.ids.set(g, (id = df.length));
        df[id] = (df[id] ?? 0) + 1;
      }
    }
    this.idf = Float64Array.from(df, (n) => Math.log(1 + examples.length / n));
    this.query = new Float64Array(df.length);
    this.intents = examples.map((e) => e.intent);
    this.vectors = weighed ? counts.map((c) => this.weigh(c)) : [];
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
    try {
      for (let e = 0; e < this.vectors.length; e++) {
        const { grams: ids, weights } = this.vectors[e]!;
        let dot = 0;
        for (let j = 0; j < ids.length; j++) dot += weights[j]! * this.query[ids[j]!]!;
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
