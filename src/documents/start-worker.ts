// Starts one of this folder's worker entries. Built (`npm start`) the entry is the compiled
// <name>.js beside this file. From TypeScript (`npm run dev`, jest, tsx scripts) there is
// no .js: a worker does not inherit jest's transform, and `--import tsx` is not passed on
// (the worker gets no execArgv), so the entry registers tsx's CommonJS hook itself first.
import fs from 'node:fs';
import path from 'node:path';
import { Worker, type ResourceLimits } from 'node:worker_threads';

export function startWorker(name: string, resourceLimits: ResourceLimits): Worker {
  const base = { execArgv: [], resourceLimits };
  const compiled = path.join(__dirname, `${name}.js`);
  if (fs.existsSync(compiled)) return new Worker(compiled, base);
  const source = path.join(__dirname, `${name}.ts`);
  const tsx = require.resolve('tsx/cjs/api');
  return new Worker(`require(${JSON.stringify(tsx)}).register();require(${JSON.stringify(source)});`, { ...base, eval: true });
}
