// The intent model on phrasings it was not trained on: the corpus's test split (every
// fifth utterance per intent and language), the 28 held-out questions of issue 18 and a
// second, fresh held-out set. Figures are printed per intent with the confusions that remain.
import heldOut from '../../src/language/corpus/held-out.json';
import fresh from '../../src/language/corpus/held-out-fresh.json';
import { corpusHash, examples, split } from '../../src/language/corpus';
import { evaluate, report } from '../../src/language/evaluate';
import { IntentModel } from '../../src/language/intent-model';
import { INTENTS } from '../../src/language/intents';
import { loadIntentModel } from '../../src/language/model-store';

/** The goals. */
const GOAL = { intent: 0.95, entities: 0.9 };
// Reached: test split 96.3 % intents, 100 % entities; issue 18's questions 28/28; the fresh
// set 65/66. The floors leave a little room for new phrasings moving the split, no more.
const FLOOR = { intent: 0.95, entities: 0.95, heldOut: 0.96, fresh: 0.95 };

let model: IntentModel;
let full: IntentModel;
const all = examples();
const { train, test } = split(all);

beforeAll(async () => {
  model = await IntentModel.train(train, corpusHash());
  // The whole corpus's model as the bot loads it: built, cached by an earlier start, or trained now.
  full = (await loadIntentModel()).model;
}, 30_000);

const fold = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

describe('phrase corpus', () => {
  it('has at least 45 Danish and 20 English phrasings per intent, and no utterance in both splits', () => {
    for (const intent of [...INTENTS, 'None']) {
      expect([intent, all.filter((e) => e.lang === 'da' && e.intent === intent).length >= 45]).toEqual([intent, true]);
      expect([intent, all.filter((e) => e.lang === 'en' && e.intent === intent).length >= 20]).toEqual([intent, true]);
    }
    const trained = new Set(train.map((e) => `${e.lang}/${fold(e.text)}`));
    expect(test.filter((e) => trained.has(`${e.lang}/${fold(e.text)}`))).toEqual([]);
  });

  it('holds none of the held-out questions', () => {
    const corpus = new Set(all.map((e) => fold(e.text)));
    const questions = [...heldOut.questions, ...fresh.questions] as Array<[string, string]>;
    expect(questions.filter(([q]) => corpus.has(fold(q)))).toEqual([]);
  });
});

describe('accuracy', () => {
  it('recognises intents and entities on the test split, which it was not trained on', async () => {
    const accuracy = await evaluate(model, test);
    process.stdout.write(`${report(accuracy)}\n(goal: intent ${GOAL.intent * 100} %, entities ${GOAL.entities * 100} %)\n`);
    expect(accuracy.intent.rate).toBeGreaterThanOrEqual(FLOOR.intent);
    expect(accuracy.entities.rate).toBeGreaterThanOrEqual(FLOOR.entities);
  });

  it.each([
    ["issue 18's 28 questions", heldOut.questions, FLOOR.heldOut],
    ['the fresh questions', fresh.questions, FLOOR.fresh],
  ])('answers %s (trained on the whole corpus, as the bot is)', async (_name, questions, floor) => {
    const misses: string[] = [];
    for (const [question, intent] of questions as Array<[string, string]>) {
      const u = await full.understand(question);
      if ((u.intent ?? 'None') !== intent) misses.push(`«${question}»: ${intent} → ${u.intent ?? 'None'} (${u.score.toFixed(2)})`);
    }
    process.stdout.write(`held-out: ${questions.length - misses.length}/${questions.length}\n${misses.join('\n')}\n`);
    expect((questions.length - misses.length) / questions.length).toBeGreaterThanOrEqual(floor);
  });
});
