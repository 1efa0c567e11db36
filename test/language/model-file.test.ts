// A saved model read back (IntentModel.fromJSON, in steps with the event loop free between
// them) answers as the model that was saved.
import heldOut from '../../src/language/corpus/held-out.json';
import fresh from '../../src/language/corpus/held-out-fresh.json';
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

it('leaves out of the file what only training reads, and the model read answers every phrasing as the one trained', async () => {
  const json = trained.toJSON();
  const saved = JSON.parse(json) as { nlp: string; nlpLanguages: Record<string, string> };
  expect((JSON.parse(saved.nlp) as { nluManager: { extraSentences: unknown[] } }).nluManager.extraSentences).toEqual([]);
  for (const part of Object.values(saved.nlpLanguages)) {
    const manager = JSON.parse(part) as { sentences: unknown[]; domains: Record<string, { featuresToIntent: object; neuralNetwork: { perceptrons: unknown[]; weights: string } }> };
    expect(manager.sentences).toEqual([]);
    for (const domain of Object.values(manager.domains)) {
      expect(domain.featuresToIntent).toEqual({});
      expect(domain.neuralNetwork.perceptrons).toEqual([]);
      expect(domain.neuralNetwork.weights.length).toBeGreaterThan(1000);
    }
  }
  const read = (await IntentModel.fromJSON(json))!;
  // The corpus's phrasings (a quarter trained on, the rest not), each with a letter changed, and the held-out questions in both languages.
  const phrasings = examples().flatMap((e) => [[e.text, e.lang], [`${e.text.replace(/[aeiouæøå]/, 'x')} tak`, e.lang]] as Array<[string, 'da' | 'en']>);
  for (const [q] of [...heldOut.questions, ...fresh.questions] as Array<[string, string]>) phrasings.push([q, 'da'], [q, 'en']);
  const differ: string[] = [];
  for (const [q, lang] of phrasings) if (JSON.stringify(await read.understand(q, lang)) !== JSON.stringify(await trained.understand(q, lang))) differ.push(`${lang}: ${q}`);
  expect(differ).toEqual([]);
  expect(phrasings.length).toBeGreaterThan(6000);
  expect(() => read.toJSON()).toThrow();
}, 60_000);

it('takes a file of another format for none (the bot then trains again)', async () => {
  const saved = JSON.parse(trained.toJSON()) as Record<string, unknown>;
  expect(await IntentModel.fromJSON(JSON.stringify({ ...saved, format: 'dagsorden-intents/2' }))).toBeNull();
  expect(await IntentModel.fromJSON(JSON.stringify({ ...saved, nlpLanguages: undefined }))).toBeNull();
  expect(await IntentModel.fromJSON('{ not json')).toBeNull();
});

it('remembers what it made of a question: asked again, the same frozen answer, apart per language, and no more than 2,000 of them', async () => {
  const first = await trained.understand('hvornår er næste møde?');
  expect(await trained.understand('hvornår er næste møde?')).toBe(first);
  expect(Object.isFrozen(first) && Object.isFrozen(first.candidates) && Object.isFrozen(first.entities)).toBe(true);
  const english = await trained.understand('hvornår er næste møde?', 'en');
  expect(english).not.toBe(first);
  // A long message is read anew each time (seldom written twice), to the same answer.
  const long = `hvornår er næste møde ${'og så videre '.repeat(20)}`;
  expect(await trained.understand(long)).not.toBe(await trained.understand(long));
  expect(await trained.understand(long)).toEqual(await trained.understand(long));
  // The oldest question is let go once 2,000 others were asked since; one asked again is kept.
  const kept = await trained.understand('kan ikke komme');
  for (let n = 0; n < 2_000; n++) {
    await trained.understand(`spørgsmål nummer ${n}`);
    if (n % 500 === 0) expect(await trained.understand('kan ikke komme')).toBe(kept);
  }
  expect(await trained.understand('hvornår er næste møde?')).not.toBe(first);
  expect(await trained.understand('hvornår er næste møde?')).toEqual(first);
});
