// Where the trained model comes from: the file the build wrote (scripts/build.js trains
// it), else a cached copy, else it is trained now (about half a second) and cached. A
// file trained from another corpus or by another version of this code is stale and ignored.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { corpusHash, examples } from './corpus';
import { IntentModel, MODEL_FORMAT } from './intent-model';

/** Beside the compiled code: dist/language-model.json (from dist/src/language/). */
export const BUILT_MODEL_FILE = join(__dirname, '..', '..', 'language-model.json');

export function currentHash(): string {
  return corpusHash(undefined, MODEL_FORMAT);
}

export async function trainFullModel(): Promise<IntentModel> {
  return IntentModel.train(examples(), currentHash());
}

export interface LoadedModel {
  model: IntentModel;
  source: 'built' | 'cache' | 'trained';
  ms: number;
}

function readModel(file: string, hash: string): IntentModel | null {
  try {
    const model = IntentModel.fromJSON(readFileSync(file, 'utf8'));
    return model && model.hash === hash ? model : null;
  } catch {
    return null;
  }
}

/** The model for the bot: built, cached or freshly trained (and then cached for the next start). */
export async function loadIntentModel(options: { file?: string; cacheDir?: string } = {}): Promise<LoadedModel> {
  const started = performance.now();
  const hash = currentHash();
  const built = readModel(options.file ?? BUILT_MODEL_FILE, hash);
  if (built) return { model: built, source: 'built', ms: performance.now() - started };
  const cacheFile = join(options.cacheDir ?? join(tmpdir(), 'dagsorden'), `language-model-${hash}.json`);
  const cached = readModel(cacheFile, hash);
  if (cached) return { model: cached, source: 'cache', ms: performance.now() - started };
  const model = await trainFullModel();
  try {
    mkdirSync(dirname(cacheFile), { recursive: true });
    writeFileSync(cacheFile, model.toJSON());
  } catch {
    // A read-only disk only means training again at the next start.
  }
  return { model, source: 'trained', ms: performance.now() - started };
}
