// How `npm start` runs the bot, for the scripts that start it themselves (playground,
// bench): build, then the node arguments of package.json's start script, so they run
// exactly what a user runs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..');

/** Compiles the bot to dist/ (scripts/build.js) when its sources changed, as `npm start` does. */
export function buildBot(): void {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.js'), '--if-stale'], { stdio: 'inherit' });
}

/** The node arguments of the start script ("node --flag dist/src/index.js" → ["--flag", "dist/src/index.js"]). */
export function startCommandArgs(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  };
  const [node, ...args] = pkg.scripts.start.trim().split(/\s+/);
  if (node !== 'node') throw new Error(`unexpected start script: ${pkg.scripts.start}`);
  return args;
}
