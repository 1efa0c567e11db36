// The build compiles from src/index.ts alone, so the ambient types must be referenced to be seen.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./nlpjs.d.ts" />
// The intent model: NLP.js's neural classifier (in-process, offline) with its Danish and
// English stemmers, trained on the phrase corpus after folding (fold.ts). A question is
// classified in both languages and the surer answer wins: a Dane with an English Teams
// still writes Danish, and the other way round.
import { containerBootstrap } from '@nlpjs/core';
import { LangDa } from '@nlpjs/lang-da';
import { LangEn } from '@nlpjs/lang-en-min';
import { Nlp } from '@nlpjs/nlp';
import type { CorpusLang, Example } from './corpus';
import { extractEntities, type Entities } from './entities';
import { fold, Speller, tokens, withAffixes } from './fold';
import { isIntent, NONE, type Intent } from './intents';
import { NearestExamples, type Neighbour } from './nearest';

/** Bump when fold() or the model's settings change: a saved model is then stale. */
export const MODEL_FORMAT = 'dagsorden-intents/1';
/** Only the start of a long message is read: a question is short; 28 KB is not a question. */
const READ_CHARS = 500;

export interface Scored {
  intent: Intent;
  score: number;
}

export interface Understanding {
  /** The likeliest intent, or null when the model thinks it is none of them. */
  intent: Intent | null;
  score: number;
  /** The likeliest intents, best first (at most three, none below 0.05). */
  candidates: Scored[];
  /** Share of the message's words the corpus knows (after spelling help), 0–1. */
  known: number;
  lang: CorpusLang;
  entities: Entities;
}

interface Saved {
  format: string;
  hash: string;
  vocabulary: Record<CorpusLang, string[]>;
  neighbours: Record<CorpusLang, Neighbour[]>;
  nlp: string;
}

function newNlp(): Nlp {
  const container = containerBootstrap();
  container.use(LangDa);
  container.use(LangEn);
  const nlp = new Nlp({ container, languages: ['da', 'en'], autoSave: false, autoLoad: false, calculateSentiment: false, forceNER: false });
  return nlp;
}

export class IntentModel {
  private readonly spellers: Record<CorpusLang, Speller>;
  private readonly nearest: Record<CorpusLang, NearestExamples>;

  private constructor(
    private readonly nlp: Nlp,
    private readonly vocabulary: Record<CorpusLang, string[]>,
    private readonly neighbours: Record<CorpusLang, Neighbour[]>,
    /** What it was trained from (corpusHash): a saved model with another is stale. */
    readonly hash: string,
  ) {
    this.spellers = { da: new Speller(vocabulary.da), en: new Speller(vocabulary.en) };
    this.nearest = { da: new NearestExamples(neighbours.da), en: new NearestExamples(neighbours.en) };
  }

  static async train(examples: readonly Example[], hash: string): Promise<IntentModel> {
    const nlp = newNlp();
    const words = { da: new Set<string>(), en: new Set<string>() };
    const neighbours: Record<CorpusLang, Neighbour[]> = { da: [], en: [] };
    for (const e of examples) {
      const folded = fold(e.text);
      for (const w of tokens(folded)) words[e.lang].add(w);
      neighbours[e.lang].push({ intent: e.intent, text: folded });
      nlp.addDocument(e.lang, withAffixes(tokens(folded)), e.intent);
    }
    await quietly(() => nlp.train());
    return new IntentModel(nlp, { da: [...words.da].sort(), en: [...words.en].sort() }, neighbours, hash);
  }

  /** A saved model, or null when it is not one this code wrote (then train again). */
  static fromJSON(json: string): IntentModel | null {
    let saved: Saved;
    try {
      saved = JSON.parse(json) as Saved;
    } catch {
      return null;
    }
    if (saved?.format !== MODEL_FORMAT || !Array.isArray(saved.vocabulary?.da) || !Array.isArray(saved.vocabulary?.en) || typeof saved.nlp !== 'string' || !saved.neighbours) {
      return null;
    }
    const nlp = newNlp();
    nlp.import(saved.nlp);
    return new IntentModel(nlp, saved.vocabulary, saved.neighbours, saved.hash);
  }

  toJSON(): string {
    const saved: Saved = { format: MODEL_FORMAT, hash: this.hash, vocabulary: this.vocabulary, neighbours: this.neighbours, nlp: this.nlp.export(true) };
    return JSON.stringify(saved);
  }

  /**
   * What the text most likely asks, with the entities it names. The language is the one
   * whose corpus knows more of its words (each language's model says something for any
   * text, and English stems of Danish words are noise); on a tie, `preferred`.
   */
  async understand(written: string, preferred: CorpusLang = 'da'): Promise<Understanding> {
    const text = written.slice(0, READ_CHARS);
    const entities = extractEntities(text);
    const raw = tokens(fold(text));
    if (!raw.length) return { intent: null, score: 0, candidates: [], known: 0, lang: preferred, entities };
    const read = (lang: CorpusLang) => {
      const words = raw.map((w) => this.spellers[lang].correct(w) ?? w);
      return { lang, words, known: words.filter((w) => this.spellers[lang].isKnown(w)).length / words.length };
    };
    const other: CorpusLang = preferred === 'da' ? 'en' : 'da';
    const [first, second] = [read(preferred), read(other)];
    const chosen = second.known > first.known ? second : first;
    const result = await this.nlp.process(chosen.lang, withAffixes(chosen.words));
    const near = this.nearest[chosen.lang].scores(chosen.words.join(' '));
    // The two opinions weigh the same: the classifier generalises over stems, the
    // neighbours over letters; each covers the other's blind spots.
    const blended = new Map<string, number>();
    for (const c of result.classifications) blended.set(c.intent, c.score * (1 - 0.5));
    for (const [i, sim] of near) blended.set(i, (blended.get(i) ?? 0) + sim * 0.5);
    const ranked = [...blended.entries()].sort((a, b) => b[1] - a[1]);
    const candidates = ranked
      .filter((r): r is [Intent, number] => isIntent(r[0]) && r[1] >= 0.05)
      .slice(0, 3)
      .map(([intent, score]) => ({ intent, score }));
    const top = ranked[0];
    const intent = top && top[0] !== NONE && isIntent(top[0]) ? top[0] : null;
    return { intent, score: intent ? top![1] : 0, candidates, known: chosen.known, lang: chosen.lang, entities };
  }
}

/** NLP.js's trainer reports progress on the console; the bot logs through pino only. */
async function quietly<T>(work: () => Promise<T>): Promise<T> {
  const log = console.log;
  console.log = () => {};
  try {
    return await work();
  } finally {
    console.log = log;
  }
}
