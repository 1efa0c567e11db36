// `npm run language:accuracy`: trains on the corpus's training split and reports the
// accuracy on the held-out split (the same figures test/language/accuracy.test.ts asserts).
import { corpusHash, examples, split } from '../src/language/corpus';
import { evaluate, report } from '../src/language/evaluate';
import { IntentModel } from '../src/language/intent-model';

async function main(): Promise<void> {
  const { train, test } = split(examples());
  const started = performance.now();
  const model = await IntentModel.train(train, corpusHash());
  const trainedMs = performance.now() - started;
  process.stdout.write(`trained on ${train.length} utterances in ${trainedMs.toFixed(0)} ms; testing ${test.length}\n`);
  process.stdout.write(`${report(await evaluate(model, test))}\n`);
}

void main();
