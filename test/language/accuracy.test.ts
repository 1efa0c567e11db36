// The intent model on phrasings it was not trained on: the corpus's test split (every
// fifth utterance per intent and language) and the 28 held-out questions of issue 18.
// Figures are printed per intent with the confusions that remain.
import heldOut from '../../src/language/corpus/held-out.json';
import { corpusHash, examples, split } from '../../src/language/corpus';
import { evaluate, report } from '../../src/language/evaluate';
import { IntentModel } from '../../src/language/intent-model';
import { INTENTS } from '../../src/language/intents';

/** The goals. */
const GOAL = { intent: 0.95, entities: 0.9 };
// What the model reaches now, asserted so it cannot slip back unnoticed; the gap to GOAL
// is open work (more phrasings per intent), reported rather than hidden.
const FLOOR = { intent: 0.62, entities: 0.9, heldOut: 0.8 };

let model: IntentModel;
const { train, test } = split(examples());

beforeAll(async () => {
  model = await IntentModel.train(train, corpusHash());
});

describe('phrase corpus', () => {
  it('has at least 25 Danish and 10 English phrasings per intent, and no utterance in both splits', () => {
    for (const intent of INTENTS) {
      expect([intent, examples().filter((e) => e.lang === 'da' && e.intent === intent).length >= 25]).toEqual([intent, true]);
      expect([intent, examples().filter((e) => e.lang === 'en' && e.intent === intent).length >= 10]).toEqual([intent, true]);
    }
    const trained = new Set(train.map((e) => `${e.lang}/${e.text}`));
    expect(test.filter((e) => trained.has(`${e.lang}/${e.text}`))).toEqual([]);
  });
});

describe('accuracy on the test split', () => {
  it('recognises intents and entities it was not trained on', async () => {
    const accuracy = await evaluate(model, test);
    process.stdout.write(`${report(accuracy)}\n(goal: intent ${GOAL.intent * 100} %, entities ${GOAL.entities * 100} %)\n`);
    expect(accuracy.intent.rate).toBeGreaterThanOrEqual(FLOOR.intent);
    expect(accuracy.entities.rate).toBeGreaterThanOrEqual(FLOOR.entities);
  });

  it("answers most of the issue's 28 held-out questions (trained on the whole corpus, as the bot is)", async () => {
    const full = await IntentModel.train(examples(), corpusHash());
    const misses: string[] = [];
    for (const [question, intent] of heldOut.questions as Array<[string, string]>) {
      const u = await full.understand(question);
      if (u.intent !== intent) misses.push(`«${question}»: ${intent} → ${u.intent ?? 'None'} (${u.score.toFixed(2)})`);
    }
    process.stdout.write(`held-out questions: ${heldOut.questions.length - misses.length}/${heldOut.questions.length}\n${misses.join('\n')}\n`);
    expect((heldOut.questions.length - misses.length) / heldOut.questions.length).toBeGreaterThanOrEqual(FLOOR.heldOut);
  });
});
