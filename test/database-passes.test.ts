// CI's second run (DATABASE_URL set) runs only the test files that can open a database,
// found from their imports (test/support/database-tests.js). These tests keep that rule
// from leaving out a test that uses a database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// CommonJS, shared with jest.config.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { databaseModule, databaseTestFiles, usesDatabase } = require('./support/database-tests') as {
  databaseModule: string;
  databaseTestFiles(dir?: string): string[];
  usesDatabase(file: string): boolean;
};

const root = path.join(__dirname, '..');
const testFiles = (dir: string): string[] =>
  fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? testFiles(path.join(dir, e.name))
        : e.name.endsWith('.test.ts')
          ? [path.join(dir, e.name)]
          : [],
    );

/** The test files jest.config.js gives the second run (read afresh, with DATABASE_URL set). */
function postgresRunFiles(): string[] {
  const saved = process.env.DATABASE_URL;
  process.env.DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/never-opened';
  try {
    let files: string[] = [];
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      files = (require('../jest.config.js') as { testMatch: string[] }).testMatch;
    });
    return files;
  } finally {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  }
}

describe('the PostgreSQL run', () => {
  it('runs every test file that names a way to a database, and none that uses only fakes', () => {
    const opensOne =
      /\b(freshDatabase|startTestApp|startBotProcess|startCalendarHarness|openDatabase|createStore|databaseKinds?|DATABASE_URL)\b/;
    const named = testFiles(path.join(root, 'test')).filter(
      (f) => opensOne.test(fs.readFileSync(f, 'utf8')) && f !== __filename,
    );
    expect(named.length).toBeGreaterThan(25);
    expect(named.filter((f) => !usesDatabase(f)).map((f) => path.relative(root, f))).toEqual([]);
    for (const fakesOnly of [
      'test/bot/routes.test.ts',
      'test/store/group-commit.test.ts',
      'test/documents/import-cli.test.ts',
    ]) {
      expect([fakesOnly, usesDatabase(path.join(root, fakesOnly))]).toEqual([fakesOnly, false]);
    }
  });

  it('is what jest.config.js runs when DATABASE_URL is set, less the tab in Chromium and the fuzzing', () => {
    const selected = postgresRunFiles();
    const all = databaseTestFiles();
    const left = all.filter((f) => !selected.includes(f));
    expect(selected.every((f) => all.includes(f))).toBe(true);
    expect(
      left
        .map((f) => path.relative(root, f))
        .every((f) => f.startsWith('test/tab/') || f === 'test/e2e/fuzz.e2e.test.ts'),
    ).toBe(true);
    expect(left.map((f) => path.relative(root, f))).toEqual(
      expect.arrayContaining(['test/tab/tab.test.ts', 'test/e2e/fuzz.e2e.test.ts']),
    );
    expect(selected.length).toBeGreaterThan(25);
  });

  describe('follows what a test file loads or starts', () => {
    let dir: string;
    const database = () => path.relative(dir, databaseModule).replace(/\.ts$/, '');
    const write = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'database-tests-'));
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('through helpers, over lines, and by import() and require()', () => {
      write(
        'helper.ts',
        `import {\n  openDatabase,\n} from '${database()}';\nexport const x = openDatabase;\n`,
      );
      expect(usesDatabase(write('a.test.ts', "import { x } from './helper';\n"))).toBe(true);
      expect(usesDatabase(write('b.test.ts', `const m = await import('${database()}');\n`))).toBe(
        true,
      );
      expect(usesDatabase(write('c.test.ts', `const m = require('${database()}');\n`))).toBe(true);
      expect(usesDatabase(write('d.test.ts', "export * from './helper';\n"))).toBe(true);
    });

    it('into a process it starts from src/ or scripts/', () => {
      const index = ['src', 'index.ts'].join('/');
      expect(
        usesDatabase(
          write('e.test.ts', `spawn(process.execPath, ['--import', 'tsx', '${index}']);\n`),
        ),
      ).toBe(true);
      const importScript = ['scripts', 'import-document.ts'].join('/');
      expect(
        usesDatabase(
          write('f.test.ts', `spawn(process.execPath, ['--import', 'tsx', '${importScript}']);\n`),
        ),
      ).toBe(false);
    });

    it('but not a type-only import, which loads nothing', () => {
      expect(
        usesDatabase(
          write('g.test.ts', `import type { Database } from '${database()}';\nlet d: Database;\n`),
        ),
      ).toBe(false);
    });
  });
});
