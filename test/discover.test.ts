// The registries find their modules on disk (src/discover.ts): under jest, under tsx
// (`npm run dev`), and in the bundle `npm start` runs (scripts/bundle.js lists the folder
// when it builds). A file added to the folder is found by all three, with no list to edit.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.join(__dirname, '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bundle } = require('../scripts/bundle') as {
  bundle(options: {
    sourceRoot: string;
    distRoot: string;
    entries: string[];
    srcRoot?: string;
    discoverModule?: string;
  }): Promise<void>;
};

let dir: string;

function write(rel: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dagsorden-discover-'));
  const discover = JSON.stringify(path.join(root, 'src', 'discover'));
  // A registry like src/bot/commands/index.ts: the exports of its *.thing.ts modules that are strings.
  write(
    'src/things/index.ts',
    `import { discover } from ${discover};\nexport const things = () => discover<string>(__dirname, '.thing', (v) => typeof v === 'string');\n`,
  );
  write('src/things/a.thing.ts', `export const name = 'a';\nexport const count = 1;\n`);
  write(
    'src/main.ts',
    `import { things } from './things';\nprocess.stdout.write(JSON.stringify(things()));\n`,
  );
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function underJest(): string[] {
  let found: string[] = [];
  jest.isolateModules(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    found = (require(path.join(dir, 'src', 'things')) as { things(): string[] }).things();
  });
  return found;
}

function underTsx(): string[] {
  return JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', path.join(dir, 'src', 'main.ts')], {
      cwd: root,
      encoding: 'utf8',
    }),
  ) as string[];
}

async function bundled(): Promise<string[]> {
  const distRoot = path.join(dir, 'dist');
  fs.rmSync(distRoot, { recursive: true, force: true });
  await bundle({
    sourceRoot: dir,
    distRoot,
    entries: ['src/main.ts'],
    discoverModule: path.join(root, 'src', 'discover.ts'),
  });
  // The bundle stands alone: no *.thing.js lies beside it to be found on disk.
  expect(
    fs
      .readdirSync(path.join(distRoot, 'src'), { recursive: true })
      .filter((n) => /\.thing\b/.test(String(n))),
  ).toEqual([]);
  return JSON.parse(
    execFileSync(process.execPath, [path.join(distRoot, 'src', 'main.js')], { encoding: 'utf8' }),
  ) as string[];
}

describe('modules found on disk', () => {
  it('finds a file added to the folder under jest, under tsx and in the bundle', async () => {
    expect(underJest()).toEqual(['a']);
    expect(underTsx()).toEqual(['a']);
    expect(await bundled()).toEqual(['a']);

    write('src/things/b.thing.ts', `export const name = 'b';\n`);
    // Not a module of the registry: another suffix, and a declaration file.
    write('src/things/c.other.ts', `export const name = 'c';\n`);
    write('src/things/d.thing.d.ts', `export declare const name: string;\n`);

    expect(underJest()).toEqual(['a', 'b']);
    expect(underTsx()).toEqual(['a', 'b']);
    expect(await bundled()).toEqual(['a', 'b']);
  }, 60_000);
});
