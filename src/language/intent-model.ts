// The build compiles from src/index.ts alone, so the ambient types must be referenced to be seen.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./nlpjs.d.ts" />
// The intent model: NLP.js's neural classifier (in-process, offline) with its Danish and
// English stemmers, trained on the phrase corpus after folding (fold.ts). A question is
// classified in both languages and the surer answer wins: a Dane with an English Teams
// still writes Danish, and the other way round.
import { containerBootstrap } from '@nlpjs/core';
import { LangDa, StemmerDa } from '@nlpjs/lang-da';
import { LangEn, StemmerEn } from '@nlpjs/lang-en-min';
import { Nlp } from '@nlpjs/nlp';
import type { CorpusLang, Example } from './corpus';
import { extractEntities, type Entities } from './entities';
import { foldWord, ITEM_TOKEN, Speller, words as wordsOf } from './fold';
import { isIntent, NONE, type Intent } from './intents';
import { NearestExamples, type Neighbour } from './nearest';
import { deepFreeze } from '../domain/shared/deep-freeze';
import { BoundedMap } from '../domain/shared/bounded-map';

/** Bump when fold(), the features or the model's settings change: a saved model is then stale. */
export const MODEL_FORMAT = 'dagsorden-intents/4';
/** Only the start of a long message is read: a question is short; 28 KB is not a question. */
const READ_CHARS = 500;

/**
 * How many questions the model remembers its understanding of, and up to what length (a
 * longer message is seldom written twice). At most some 1 MB.
 */
const REMEMBERED = 2_000;
const REMEMBERED_CHARS = 200;

/** How the model is built; the defaults are what measured best (see scripts/language-accuracy.ts). */
export interface ModelSettings {
  /** The classifier's share of the blend; the letter neighbours have the rest. */
  classifierWeight: number;
  /** Word pairs as features too ("ikke komme", "opsummering fra"). */
  pairs: boolean;
  /** Stem the word as typed (æøå) rather than folded (ae/oe/aa). */
  stemBeforeFold: boolean;
  /** Start and end of long words as features (compounds, typos). */
  affixes: boolean;
  /** The letter neighbours' opinion of an intent: the mean of its this many closest examples. */
  neighbours: number;
  /** Below this blended score the answer is None. */
  noneBelow: number;
  /** NLP.js's neural network. */
  neural: { iterations: number; learningRate: number; errorThresh: number; alpha: number; momentum: number };
}

export const DEFAULT_SETTINGS: ModelSettings = {
  classifierWeight: 0.5,
  pairs: true,
  stemBeforeFold: true,
  affixes: true,
  neighbours: 1,
  noneBelow: 0,
  // NLP.js's defaults but a gentler slope (alpha 0.07 → 0.03) and step (0.6 → 0.3): 94.5 → 96.3 % on the test split.
  neural: { iterations: 20000, learningRate: 0.3, errorThresh: 0.00005, alpha: 0.03, momentum: 0.5 },
};

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

/** Per language, each folded word of the corpus → its stem (taken from the word as typed, folded). */
type Stems = Record<CorpusLang, Record<string, string>>;

interface Saved {
  format: string;
  hash: string;
  settings: ModelSettings;
  stems: Stems;
  neighbours: Record<CorpusLang, Neighbour[]>;
  /** NLP.js's export without its per-language parts (`nluManager.domainManagers`), which follow. */
  nlp: string;
  /** Each language's part of NLP.js's export, a string of its own: read one at a time, the loop free between. */
  nlpLanguages: Record<string, string>;
}

interface Stemmer {
  stem(word: string): string;
}

const STEMMERS: Record<CorpusLang, Stemmer> = { da: new StemmerDa() as Stemmer, en: new StemmerEn() as Stemmer };

/** Passes the features through: they are stemmed and folded already, in the order that suits Danish. */
class AsIs {
  constructor(readonly name: string) {}
  stem(tokens: string[]): string[] {
    return tokens;
  }
}

function newNlp(settings: ModelSettings): Nlp {
  const container = containerBootstrap();
  container.use(LangDa);
  container.use(LangEn);
  container.register('stemmer-da', new AsIs('stemmer-da'), true);
  container.register('stemmer-en', new AsIs('stemmer-en'), true);
  // NLP.js's own defaults for its classifier, with the network's settings ours.
  const nlu = { keepStopwords: true, nonefeatureValue: 1, nonedeltaMultiplier: 1.2, spellCheck: false, spellCheckDistance: 1, filterZeros: true, log: false, ...settings.neural };
  container.registerConfiguration('nlu-da', { ...nlu }, true);
  container.registerConfiguration('nlu-en', { ...nlu }, true);
  return new Nlp({ container, languages: ['da', 'en'], autoSave: false, autoLoad: false, calculateSentiment: false, forceNER: false });
}

function stemOf(lang: CorpusLang, typed: string, settings: ModelSettings): string {
  if (typed === ITEM_TOKEN || /^\d+$/.test(typed)) return typed;
  const stemmer = STEMMERS[lang];
  return settings.stemBeforeFold ? foldWord(stemmer.stem(typed)) : stemmer.stem(foldWord(typed));
}

/** What the classifier sees of a message: stems, the ends of long words, pairs of stems. */
function features(words: readonly string[], stems: readonly string[], settings: ModelSettings): string {
  const out = [...stems];
  if (settings.affixes) {
    for (const w of words) {
      if (w.length < 7 || w === ITEM_TOKEN) continue;
      out.push(`zqp${w.slice(0, 5)}`, `zqs${w.slice(-5)}`);
    }
  }
  if (settings.pairs) for (let i = 1; i < stems.length; i++) out.push(`zqb${stems[i - 1]}x${stems[i]}`);
  return out.join(' ');
}

export class IntentModel {
  private readonly spellers: Record<CorpusLang, Speller>;

  /**
   * What the model made of a question already asked, by its text and the language asked
   * in (see `understand`): members write the same few questions in the same words again and
   * again ("hvornår er næste møde?", "tak"), and the model does not change once loaded.
   */
  private readonly answered = new BoundedMap<string, Understanding>(REMEMBERED);

  private constructor(
    private readonly nlp: Nlp,
    private readonly stems: Stems,
    /** What it was trained from (corpusHash): a saved model with another is stale. */
    readonly hash: string,
    readonly settings: ModelSettings,
    private readonly nearest: Record<CorpusLang, NearestExamples>,
    /** The folded examples, kept by a model trained here to be saved (`toJSON`); a model read from a file has no use for them. */
    private readonly neighbours?: Record<CorpusLang, Neighbour[]>,
  ) {
    this.spellers = { da: new Speller(Object.keys(stems.da)), en: new Speller(Object.keys(stems.en)) };
  }

  static async train(examples: readonly Example[], hash: string, settings: ModelSettings = DEFAULT_SETTINGS): Promise<IntentModel> {
    const nlp = newNlp(settings);
    const stems: Stems = { da: {}, en: {} };
    const neighbours: Record<CorpusLang, Neighbour[]> = { da: [], en: [] };
    for (const e of examples) {
      const typed = wordsOf(e.text);
      const folded = typed.map(foldWord);
      const stemmed = typed.map((w) => stemOf(e.lang, w, settings));
      folded.forEach((f, i) => (stems[e.lang][f] ??= stemmed[i]!));
      neighbours[e.lang].push({ intent: e.intent, text: folded.join(' ') });
      nlp.addDocument(e.lang, features(folded, stemmed, settings), e.intent);
    }
    await quietly(() => nlp.train());
    return new IntentModel(nlp, stems, hash, settings, { da: new NearestExamples(neighbours.da), en: new NearestExamples(neighbours.en) }, neighbours);
  }

  /**
   * A saved model, or null when it is not one this code wrote (then train again). Read in
   * steps of well under 100 ms with the event loop free between them (`pause`): the bot
   * loads it while it already answers, and a request must not wait for the whole of it.
   */
  static async fromJSON(json: string, pause: () => Promise<void> = nextTurnOfTheLoop): Promise<IntentModel | null> {
    let saved: Saved;
    try {
      saved = JSON.parse(json) as Saved;
    } catch {
      return null;
    }
    if (saved?.format !== MODEL_FORMAT || !saved.stems?.da || !saved.stems?.en || typeof saved.nlp !== 'string' || !saved.nlpLanguages || !saved.neighbours || !saved.settings) {
      return null;
    }
    await pause();
    const nlp = newNlp(saved.settings);
    await pause();
    await importInSteps(nlp, saved, pause);
    await pause();
    const nearest = { da: await NearestExamples.build(saved.neighbours.da, pause), en: await NearestExamples.build(saved.neighbours.en, pause) };
    return new IntentModel(nlp, saved.stems, saved.hash, saved.settings, nearest);
  }

  /** What answering needs of the model, no more: what is only for training is left out (see `forAnswering`). */
  toJSON(): string {
    if (!this.neighbours) throw new Error('a model read from a file is saved already');
    const nlp = JSON.parse(this.nlp.export(true)) as NlpParts;
    const nlpLanguages = Object.fromEntries(Object.entries(nlp.nluManager.domainManagers).map(([locale, part]) => [locale, JSON.stringify(forAnswering(part as SavedDomainManager))]));
    nlp.nluManager.domainManagers = {};
    // The language guesser's sentences: the language is always given (`understand` chooses it).
    nlp.nluManager.extraSentences = [];
    const saved: Saved = { format: MODEL_FORMAT, hash: this.hash, settings: this.settings, stems: this.stems, neighbours: this.neighbours, nlp: JSON.stringify(nlp), nlpLanguages };
    return JSON.stringify(saved);
  }

  /**
   * A message's words as this language's corpus knows them: typos corrected to a known
   * word, an unknown compound ("afbudsliste") read as the known words it is made of.
   */
  private read(lang: CorpusLang, typed: readonly string[]) {
    const speller = this.spellers[lang];
    const known = this.stems[lang];
    const folded: string[] = [];
    const stemmed: string[] = [];
    let knownCount = 0;
    for (const w of typed) {
      const f = foldWord(w);
      if (!f) continue;
      // A compound of known words is read before a guess at a typo: "afbudsliste" is
      // "afbud" + "liste", not a misspelt word one or two letters away.
      const exact = speller.exact(f);
      const parts = exact || lang !== 'da' ? null : splitCompound(f, known);
      if (parts) {
        knownCount++;
        folded.push(...parts);
        stemmed.push(...parts.map((p) => known[p]!));
        continue;
      }
      const corrected = exact ?? speller.correct(f);
      if (corrected) {
        knownCount++;
        folded.push(corrected);
        stemmed.push(known[corrected] ?? stemOf(lang, corrected, this.settings));
        continue;
      }
      folded.push(f);
      stemmed.push(stemOf(lang, w, this.settings));
    }
    return { lang, folded, stemmed, known: folded.length ? knownCount / typed.length : 0 };
  }

  /**
   * What the text most likely asks, with the entities it names. The language is the one
   * whose corpus knows more of its words (each language's model says something for any
   * text, and English stems of Danish words are noise); on a tie, `preferred`.
   */
  async understand(written: string, preferred: CorpusLang = 'da'): Promise<Understanding> {
    const text = written.slice(0, READ_CHARS);
    if (text.length > REMEMBERED_CHARS) return this.understandAnew(text, preferred);
    const key = `${preferred}\u0000${text}`;
    // Most recently asked last: the oldest question is the one let go.
    const kept = this.answered.recent(key);
    if (kept) return kept;
    // Shared between everyone who asks the same: no caller can change it for the next.
    const understood = deepFreeze(await this.understandAnew(text, preferred));
    this.answered.set(key, understood);
    return understood;
  }

  private async understandAnew(text: string, preferred: CorpusLang): Promise<Understanding> {
    const entities = extractEntities(text);
    const typed = wordsOf(text);
    if (!typed.some((w) => foldWord(w))) return { intent: null, score: 0, candidates: [], known: 0, lang: preferred, entities };
    const other: CorpusLang = preferred === 'da' ? 'en' : 'da';
    const [first, second] = [this.read(preferred, typed), this.read(other, typed)];
    const chosen = second.known > first.known ? second : first;
    const weight = this.settings.classifierWeight;
    const blended = new Map<string, number>();
    if (weight > 0) {
      const result = await this.nlp.process(chosen.lang, features(chosen.folded, chosen.stemmed, this.settings));
      for (const c of result.classifications) blended.set(c.intent, c.score * weight);
    }
    if (weight < 1) {
      for (const [i, sim] of this.nearest[chosen.lang].scores(chosen.folded.join(' '), this.settings.neighbours)) blended.set(i, (blended.get(i) ?? 0) + sim * (1 - weight));
    }
    const ranked = [...blended.entries()].sort((a, b) => b[1] - a[1]);
    const candidates = ranked
      .filter((r): r is [Intent, number] => isIntent(r[0]) && r[1] >= 0.05)
      .slice(0, 3)
      .map(([intent, score]) => ({ intent, score }));
    const top = ranked[0];
    const intent = top && top[0] !== NONE && isIntent(top[0]) && top[1] >= this.settings.noneBelow ? top[0] : null;
    return { intent, score: intent ? top![1] : 0, candidates, known: chosen.known, lang: chosen.lang, entities };
  }
}

/**
 * An unknown word as two known ones (Danish glues them, often with a linking s:
 * "afbud|s|liste", "møde|oversigt"), or null. The shorter parts must be 3 letters or
 * more, and the corpus must know both.
 */
function splitCompound(word: string, known: Record<string, string>): string[] | null {
  if (word.length < 7) return null;
  for (let i = 3; i <= word.length - 3; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (known[head] && known[tail]) return [head, tail];
    if (head.endsWith('s') && known[head.slice(0, -1)] && head.length > 3 && known[tail]) return [head.slice(0, -1), tail];
    if (head.endsWith('e') && known[head.slice(0, -1)] && head.length > 3 && known[tail]) return [head.slice(0, -1), tail];
  }
  return null;
}

/** NLP.js's parts of a saved model, as `Nlp.fromJSON` reads them (@nlpjs/nlp's nlp.js and @nlpjs/nlu's nlu-manager.js, 4.x). */
interface NlpParts {
  settings: unknown;
  nluManager: { settings: unknown; locales: string[]; languageNames: unknown; intentDomains: unknown; domainManagers: Record<string, unknown>; extraSentences: Array<[string, string]> };
  ner: unknown;
  nlgManager: unknown;
  actionManager: unknown;
  slotManager: unknown;
}

interface NlpInside {
  settings: unknown;
  applySettings(to: unknown, from: unknown): void;
  nluManager: {
    settings: unknown;
    applySettings(to: unknown, from: unknown): void;
    addLanguage(locale: string): void;
    languageNames: unknown;
    intentDomains: unknown;
    domainManagers: Record<string, { fromJSON(json: unknown): void; domains: Record<string, { neuralNetwork?: { perceptrons?: Array<{ changes: Float32Array }> } }> }>;
    guesser: { addExtraSentence(locale: string, sentence: string): void };
  };
  ner: { fromJSON(json: unknown): void };
  nlgManager: { fromJSON(json: unknown): void };
  actionManager: { fromJSON(json: unknown): void };
  slotManager: { load(json: unknown): void };
}

/**
 * A language's part of NLP.js's export (@nlpjs/nlu's domain-manager.js and nlu.js, @nlpjs/neural's
 * neural-network.js, 4.x), the parts of it changed here.
 */
interface SavedDomainManager {
  sentences: unknown[];
  domains: Record<string, { featuresToIntent?: unknown; neuralNetwork?: SavedNetwork }>;
}

interface SavedNetwork {
  features?: string[];
  /** NLP.js's form: per intent its weights (one per feature), then its bias. */
  perceptrons?: number[][];
  /** Ours instead: all weights, intent after intent, as the network holds them (float32), in base64. */
  weights?: string;
  /** Per intent its bias (a double in the network, so not among the float32 weights). */
  biases?: number[];
}

const NOT_TRAINED = new Float32Array(0);

/**
 * A language's part of the export as answering needs it. Left out: the training utterances
 * (`sentences`; the stem dictionary made of them stays, it answers an utterance of the
 * corpus) and which intents each feature has (`featuresToIntent`, read by training only).
 * The network's weights are written as the float32 they are, in base64, rather than as
 * decimals: the same numbers read back, in half the characters.
 */
function forAnswering(part: SavedDomainManager): SavedDomainManager {
  part.sentences = [];
  for (const domain of Object.values(part.domains)) {
    domain.featuresToIntent = {};
    const network = domain.neuralNetwork;
    if (!network?.features || !network.perceptrons?.length) continue;
    const n = network.features.length;
    const weights = new Float32Array(network.perceptrons.length * n);
    network.perceptrons.forEach((perceptron, i) => weights.set(perceptron.slice(0, n), i * n));
    network.biases = network.perceptrons.map((perceptron) => perceptron[n]!);
    network.weights = Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength).toString('base64');
    network.perceptrons = [];
  }
  return part;
}

/** `forAnswering`'s weights back in NLP.js's form, for its `fromJSON`. */
function withNetworkWeights(part: SavedDomainManager): void {
  for (const domain of Object.values(part.domains)) {
    const network = domain.neuralNetwork;
    if (!network?.features || network.weights === undefined || !network.biases) continue;
    const n = network.features.length;
    const bytes = Buffer.from(network.weights, 'base64');
    const weights = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    network.perceptrons = network.biases.map((bias, i) => [...weights.subarray(i * n, (i + 1) * n), bias]);
    delete network.weights;
    delete network.biases;
  }
}

/** The language guesser's sentences read per this many, the loop free between. */
const SENTENCES_PER_STEP = 500;

/**
 * `nlp.import(saved)`, the same steps in the same order (NLP.js's export is split by
 * language in the saved model), with the event loop free between them: in one piece it
 * held the loop for 200–300 ms (more on a busy machine), and members' questions waited
 * behind it right after a start.
 */
async function importInSteps(nlp: Nlp, saved: Pick<Saved, 'nlp' | 'nlpLanguages'>, pause: () => Promise<void>): Promise<void> {
  const data = JSON.parse(saved.nlp) as NlpParts;
  await pause();
  const inside = nlp as unknown as NlpInside;
  inside.applySettings(inside.settings, data.settings);
  const nlu = inside.nluManager;
  const json = data.nluManager;
  nlu.applySettings(nlu.settings, json.settings);
  for (const locale of json.locales) nlu.addLanguage(locale);
  nlu.languageNames = json.languageNames;
  nlu.intentDomains = json.intentDomains;
  for (const [locale, part] of Object.entries(saved.nlpLanguages)) {
    const manager = JSON.parse(part) as SavedDomainManager;
    await pause();
    withNetworkWeights(manager);
    await pause();
    const domainManager = nlu.domainManagers[locale]!;
    domainManager.fromJSON(manager);
    // The network's last steps, kept for training on: a model read from a file is not trained further.
    for (const domain of Object.values(domainManager.domains)) for (const perceptron of domain.neuralNetwork?.perceptrons ?? []) perceptron.changes = NOT_TRAINED;
    await pause();
  }
  for (let i = 0; i < json.extraSentences.length; i += SENTENCES_PER_STEP) {
    for (const [locale, sentence] of json.extraSentences.slice(i, i + SENTENCES_PER_STEP)) nlu.guesser.addExtraSentence(locale, sentence);
    await pause();
  }
  inside.ner.fromJSON(data.ner);
  inside.nlgManager.fromJSON(data.nlgManager);
  inside.actionManager.fromJSON(data.actionManager);
  inside.slotManager.load(data.slotManager);
}

/** Lets what waits on the event loop (requests, timers) run, then goes on. */
function nextTurnOfTheLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
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
