// Which test files can open a database: those whose imports reach src/store/database.ts,
// the one module that opens one (the embedded or PostgreSQL). CI runs the suite on the
// embedded database and then on PostgreSQL; the PostgreSQL pass needs only these files
// (jest.config.js), as the rest runs the same code whatever DATABASE_URL says.
//
// Found from the source, not from a list kept by hand, so a new test that uses a database
// is never left out: every relative import, require() and import() is followed through
// test/, src/ and scripts/ (type-only imports load nothing and are not), and a path to a
// .ts file under src/ or scripts/ named in a string (a process the test starts, such as
// the bot's src/index.ts) is followed too, in comments as well: at worst a file too many.
// test/database-passes.test.ts checks the rule.
// CommonJS, as jest.config.js reads it.
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', '..');
const databaseModule = path.join(root, 'src', 'store', 'database.ts');

const IMPORT =
  /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]|\b(?:import|require)\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/gm;
const STARTED = /['"`/]((?:src|scripts)\/[\w./-]+\.ts)['"`]/g;

function resolveModule(fromDir, spec) {
  const base = path.resolve(fromDir, spec);
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    `${base}.js`,
    path.join(base, 'index.ts'),
  ]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

/** What one file imports or starts directly (read once per process). */
const direct = new Map();
function directDependencies(file) {
  let found = direct.get(file);
  if (!found) {
    const source = fs.readFileSync(file, 'utf8');
    found = [];
    for (const m of source.matchAll(IMPORT)) {
      const resolved = resolveModule(path.dirname(file), m[1] ?? m[2]);
      if (resolved) found.push(resolved);
    }
    for (const m of source.matchAll(STARTED)) {
      const started = path.join(root, m[1]);
      if (fs.existsSync(started)) found.push(started);
    }
    direct.set(file, found);
  }
  return found;
}

/** Every file the test file loads or starts (itself included). */
function reachedFrom(file) {
  const seen = new Set();
  const stack = [path.resolve(file)];
  while (stack.length) {
    const current = stack.pop();
    if (seen.has(current)) continue;
    seen.add(current);
    stack.push(...directDependencies(current));
  }
  return seen;
}

/** True when the test file can open a database (directly, through a helper or in a process it starts). */
function usesDatabase(file) {
  return reachedFrom(file).has(databaseModule);
}

/** The test files (absolute paths) under `dir` that can open a database. */
function databaseTestFiles(dir = path.join(root, 'test')) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...databaseTestFiles(full));
    else if (entry.name.endsWith('.test.ts') && usesDatabase(full)) found.push(full);
  }
  return found.sort();
}

module.exports = { databaseModule, databaseTestFiles, reachedFrom, usesDatabase };
