// Accuracy of the intent model on utterances it was not trained on: per intent, the
// confusions that remain, and the entities (item numbers and subjects) it got right.
import type { Example } from './corpus';
import type { IntentModel } from './intent-model';
import { SUBJECT_LEAD } from './entities';

export interface Accuracy {
  intent: { correct: number; total: number; rate: number };
  entities: { correct: number; total: number; rate: number };
  perIntent: Array<{ intent: string; correct: number; total: number }>;
  confusions: Array<{ text: string; lang: string; expected: string; got: string; score: number }>;
  entityMisses: Array<{ text: string; kind: string; expected: string; got: string | undefined }>;
}

// A leading article is no part of what is searched for ("den nye takststruktur" finds what
// "nye takststruktur" finds): compared as the extractor reads it.
const bare = (s: string | undefined) => (s ?? '').trim().toLowerCase().replace(SUBJECT_LEAD, '');
const same = (a: string | undefined, b: string | undefined) => bare(a) === bare(b);

export async function evaluate(model: IntentModel, test: readonly Example[]): Promise<Accuracy> {
  const per = new Map<string, { correct: number; total: number }>();
  const confusions: Accuracy['confusions'] = [];
  const entityMisses: Accuracy['entityMisses'] = [];
  let correct = 0;
  let entityCorrect = 0;
  let entityTotal = 0;
  for (const e of test) {
    const u = await model.understand(e.text);
    const got = u.intent ?? 'None';
    const row = per.get(e.intent) ?? { correct: 0, total: 0 };
    row.total++;
    if (got === e.intent) {
      row.correct++;
      correct++;
    } else {
      confusions.push({ text: e.text, lang: e.lang, expected: e.intent, got, score: Math.round(u.score * 100) / 100 });
    }
    per.set(e.intent, row);
    for (const kind of ['item', 'subject'] as const) {
      const expected = e.expected[kind];
      if (!expected) continue;
      entityTotal++;
      if (same(u.entities[kind], expected)) entityCorrect++;
      else entityMisses.push({ text: e.text, kind, expected, got: u.entities[kind] });
    }
  }
  const rate = (c: number, t: number) => (t ? c / t : 1);
  return {
    intent: { correct, total: test.length, rate: rate(correct, test.length) },
    entities: { correct: entityCorrect, total: entityTotal, rate: rate(entityCorrect, entityTotal) },
    perIntent: [...per.entries()].map(([intent, r]) => ({ intent, ...r })).sort((a, b) => a.intent.localeCompare(b.intent)),
    confusions,
    entityMisses,
  };
}

export function report(a: Accuracy): string {
  const pct = (r: number) => `${(r * 100).toFixed(1)} %`;
  const lines = [
    `intent ${a.intent.correct}/${a.intent.total} = ${pct(a.intent.rate)}; entities ${a.entities.correct}/${a.entities.total} = ${pct(a.entities.rate)}`,
    ...a.perIntent.map((p) => `  ${p.intent.padEnd(20)} ${String(p.correct).padStart(3)}/${String(p.total).padEnd(3)} ${pct(p.correct / p.total)}`),
    'confusions:',
    ...a.confusions.map((c) => `  [${c.lang}] «${c.text}»: ${c.expected} → ${c.got} (${c.score})`),
    'entity misses:',
    ...a.entityMisses.map((m) => `  «${m.text}» ${m.kind}: «${m.expected}» → «${m.got ?? ''}»`),
  ];
  return lines.join('\n');
}
