// The second opinion beside NLP.js's classifier: how close a question comes to the
// corpus's own phrasings, letter by letter (character trigrams, weighted by how rare
// they are). It sees what stems miss: compounds ("afbudsliste"), inflections and typos.

export interface Neighbour {
  intent: string;
  text: string;
}

type Vector = Map<string, number>;

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

export class NearestExamples {
  private readonly idf = new Map<string, number>();
  private readonly vectors: Array<{ intent: string; vector: Vector }>;

  constructor(examples: readonly Neighbour[]) {
    const counts = examples.map((e) => grams(e.text));
    const df = new Map<string, number>();
    for (const c of counts) for (const g of c.keys()) df.set(g, (df.get(g) ?? 0) + 1);
    for (const [g, n] of df) this.idf.set(g, Math.log(1 + examples.length / n));
    this.vectors = examples.map((e, i) => ({ intent: e.intent, vector: this.weigh(counts[i]!) }));
  }

  private weigh(counts: Map<string, number>): Vector {
    const v: Vector = new Map();
    let norm = 0;
    for (const [g, n] of counts) {
      const idf = this.idf.get(g);
      if (!idf) continue;
      const x = (1 + Math.log(n)) * idf;
      v.set(g, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [g, x] of v) v.set(g, x / norm);
    return v;
  }

  /** Per intent, the mean similarity (0–1) of its `k` closest examples to the folded text. */
  scores(folded: string, k = 1): Map<string, number> {
    const q = this.weigh(grams(folded));
    const top = new Map<string, number[]>();
    for (const { intent, vector } of this.vectors) {
      let dot = 0;
      const [small, large] = q.size < vector.size ? [q, vector] : [vector, q];
      for (const [g, x] of small) {
        const y = large.get(g);
        if (y) dot += x * y;
      }
      if (!dot) continue;
      const list = top.get(intent) ?? [];
      list.push(dot);
      list.sort((a, b) => b - a);
      if (list.length > k) list.length = k;
      top.set(intent, list);
    }
    const out = new Map<string, number>();
    for (const [intent, list] of top) out.set(intent, list.reduce((a, b) => a + b, 0) / k);
    return out;
  }
}
