// Where the trained model comes from: the file the build wrote (scripts/build.js trains
// it), else a cached copy, else it is trained now (about half a second) and cached. A
// file trained from another corpus or by another version of this code is stale and ignored.
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
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

async function readModel(file: string, hash: string): Promise<IntentModel | null> {
  let json: string;
  try {
    json = await readFile(file, 'utf8');
  } catch {
    return null;
  }
  const model = await IntentModel.fromJSON(json).catch(() => null);
  return model && model.hash === hash ? model : null;
}

/** The model for the bot: built, cached or freshly trained (and then cached for the next start). */
export async function loadIntentModel(options: { file?: string; cacheDir?: string } = {}): Promise<LoadedModel> {
  const started = performance.now();
  const hash = currentHash();
  const built = await readModel(options.file ?? BUILT_MODEL_FILE, hash);
  if (built) return { model: built, source: 'built', ms: performance.now() - started };
  const cacheFile = join(options.cacheDir ?? join(tmpdir(), 'dagsorden'), `language-model-${hash}.json`);
  const cached = await readModel(cacheFile, hash);
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
