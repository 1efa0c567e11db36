// A saved model read back (IntentModel.fromJSON, in steps with the event loop free between
// them) answers as the model that was saved.
import { examples } from '../../src/language/corpus';
import { IntentModel } from '../../src/language/intent-model';

const QUESTIONS = ['hvornår er næste møde', 'kan ikke komme', 'when is the next meeting', 'referat fra sidste møde', 'afbudsliste', 'hvad står på dagsordenen'];

let trained: IntentModel;

beforeAll(async () => {
  // Every fourth phrasing: enough for each intent, quick to train.
  trained = await IntentModel.train(examples().filter((_, i) => i % 4 === 0), 'test-hash');
}, 60_000);

it('reads a saved model back in steps, and it answers as the one saved', async () => {
  let pauses = 0;
  const read = await IntentModel.fromJSON(trained.toJSON(), async () => {
    pauses++;
    await new Promise((resolve) => setImmediate(resolve));
  });
  expect(read).not.toBeNull();
  expect(read!.hash).toBe('test-hash');
  // Parsed by language, the network read, the guesser's sentences and the neighbours each in steps of their own.
  expect(pauses).toBeGreaterThan(10);
  for (const q of QUESTIONS) expect(await read!.understand(q)).toEqual(await trained.understand(q));
});

it('takes a file of another format for none (the bot then trains again)', async () => {
  const saved = JSON.parse(trained.toJSON()) as Record<string, unknown>;
  expect(await IntentModel.fromJSON(JSON.stringify({ ...saved, format: 'dagsorden-intents/2' }))).toBeNull();
  expect(await IntentModel.fromJSON(JSON.stringify({ ...saved, nlpLanguages: undefined }))).toBeNull();
  expect(await IntentModel.fromJSON('{ not json')).toBeNull();
});
