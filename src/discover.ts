// Modules found on disk instead of lists kept by hand: every module in a folder whose name
// ends in a suffix (".command", ".action", ".route"), and the values it exports that carry
// a marker. Read from disk under tsx and jest (the .ts sources). The built bot is one
// bundle (scripts/bundle.js) with no such files beside it: the bundler lists the folder
// when it builds and hands the list over through `bundled` (the call is written into the
// module that calls `discover`), so a new file is found there too, without a list in the
// sources.
import fs from 'node:fs';
import path from 'node:path';

type Loaded = Record<string, unknown>;

const inBundle = new Map<string, () => Loaded[]>();

/**
 * Registers the modules the bundler found in `dir` for `suffix`, in file-name order, and
 * returns `dir`: scripts/bundle.js wraps the first argument of `discover` in it.
 */
export function bundled(dir: string, suffix: string, modules: () => Loaded[]): string {
  inBundle.set(`${dir}\0${suffix}`, modules);
  return dir;
}

/** The values exported by `dir`'s `*<suffix>.ts|js` modules that `is` accepts, by file name. */
export function discover<T>(dir: string, suffix: string, is: (value: unknown) => boolean): T[] {
  const modules = inBundle.get(`${dir}\0${suffix}`)?.() ?? fromDisk(dir, suffix);
  return modules.flatMap((mod) => Object.values(mod).filter(is) as T[]);
}

function fromDisk(dir: string, suffix: string): Loaded[] {
  const file = new RegExp(`${suffix.replace('.', '\\.')}\\.(ts|js)$`);
  return (
    fs
      .readdirSync(dir)
      .filter((n) => file.test(n) && !n.endsWith('.d.ts'))
      .sort()
      // A synchronous require: the registries are read once, and the project is CommonJS.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      .map((name) => require(path.join(dir, name)) as Loaded)
  );
}
