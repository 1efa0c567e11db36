// The phrase corpus (corpus/da.json, corpus/en.json): intent → how members write it,
// with entities marked in place ("hvad besluttede vi om {subject:takstaftalen}").
import { createHash } from 'node:crypto';
import da from './corpus/da.json';
import en from './corpus/en.json';
import type { Entities } from './entities';

export type CorpusLang = 'da' | 'en';

export interface Example {
  lang: CorpusLang;
  intent: string;
  /** The utterance as a member would type it, marks removed. */
  text: string;
  /** The entities marked in it (only item and subject are marked). */
  expected: Pick<Entities, 'item' | 'subject'>;
}

export type Corpus = Record<CorpusLang, Record<string, string[]>>;

export const CORPUS: Corpus = { da, en };

const MARK = /\{(item|subject):([^}]+)\}/g;

export function parseUtterance(lang: CorpusLang, intent: string, raw: string): Example {
  const expected: Example['expected'] = {};
  const text = raw.replace(MARK, (_, kind: 'item' | 'subject', value: string) => {
    expected[kind] = value;
    return value;
  });
  return { lang, intent, text, expected };
}

export function examples(corpus: Corpus = CORPUS): Example[] {
  const out: Example[] = [];
  for (const lang of ['da', 'en'] as const) {
    for (const [intent, utterances] of Object.entries(corpus[lang])) {
      for (const u of utterances) out.push(parseUtterance(lang, intent, u));
    }
  }
  return out;
}

/**
 * Every fifth utterance of each intent and language is held out for the accuracy test,
 * which trains on the rest; the model the bot uses trains on all of them.
 */
export function split(all: readonly Example[]): { train: Example[]; test: Example[] } {
  const seen = new Map<string, number>();
  const train: Example[] = [];
  const test: Example[] = [];
  for (const e of all) {
    const key = `${e.lang}/${e.intent}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    (n % 5 === 0 ? test : train).push(e);
  }
  return { train, test };
}

/** Changes whenever the corpus or the way it is read changes: a cached model is stale then. */
export function corpusHash(corpus: Corpus = CORPUS, salt = ''): string {
  return createHash('sha256').update(JSON.stringify(corpus)).update(salt).digest('hex').slice(0, 16);
}
