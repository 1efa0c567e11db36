// Modules found on disk instead of lists kept by hand: every module in a folder whose name
// ends in a suffix (".command", ".action", ".route"), and the values it exports that carry
// a marker. Read from disk so that this works the same under tsx and jest (the .ts
// sources) and in dist/ (the compiled .js; tsconfig.build.json compiles them by pattern).
import fs from 'node:fs';
import path from 'node:path';

/** The values exported by `dir`'s `*<suffix>.ts|js` modules that `is` accepts, by file name. */
export function discover<T>(dir: string, suffix: string, is: (value: unknown) => boolean): T[] {
  const file = new RegExp(`${suffix.replace('.', '\\.')}\\.(ts|js)$`);
  const found: T[] = [];
  for (const name of fs
    .readdirSync(dir)
    .filter((n) => file.test(n) && !n.endsWith('.d.ts'))
    .sort()) {
    // A synchronous require: the registries are read once, and the project is CommonJS.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(path.join(dir, name)) as Record<string, unknown>;
    found.push(...(Object.values(mod).filter(is) as T[]));
  }
  return found;
}
