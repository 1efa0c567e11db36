#!/usr/bin/env node
// Builds the tab's front end (scripts/build-tab.js) while it bundles the bot to plain JavaScript in dist/
// (scripts/bundle.js: one file per entry, with source maps) and copies what it reads at
// run time (the Prisma schema and migrations) beside it, so `node dist/src/index.js` runs
// without a TypeScript loader: a loader costs about 50 MB of memory for the process's
// whole life, and the embedded database is meant to fit a small machine. The bundler
// does not check types: `npm run typecheck` (and `npm test`) does. Then makes the
// migrated embedded database a new data folder starts from (src/store/data-template.ts),
// so a user's first start runs no initdb, while it trains the language model.
//
//   node scripts/build.js             builds
//   node scripts/build.js --if-stale  builds only when an input changed since the last
//                                     build (npm install and npm start use this; about
//                                     30 ms when nothing changed)
//   --soft                            a failed build warns and exits 0 (npm install: a
//                                     type error must not stop an install; npm start
//                                     builds again and then fails for real)
const { spawn } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');
const stampFile = path.join(dist, '.build-stamp');
const args = new Set(process.argv.slice(2));

/** Everything the build reads: a change to any of it, and only that, makes dist/ stale. */
const INPUTS = [
  'src',
  'prisma',
  'cards',
  'scripts/build.js',
  'scripts/train-language.js',
  'package.json',
  'package-lock.json',
  'scripts/bundle.js',
];

function files(rel) {
  const abs = path.join(root, rel);
  if (!fs.existsSync(abs)) return [];
  if (!fs.statSync(abs).isDirectory()) return [rel];
  return fs
    .readdirSync(abs, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((d) =>
      d.isDirectory() ? files(path.join(rel, d.name)) : d.isFile() ? [path.join(rel, d.name)] : [],
    );
}

/** A hash of the inputs' contents (not their times: a checkout or a touch rebuilds nothing) and of node's version. */
function fingerprint() {
  const hash = createHash('sha256').update(process.version);
  for (const rel of INPUTS.flatMap(files))
    hash
      .update(rel)
      .update('\0')
      .update(fs.readFileSync(path.join(root, rel)))
      .update('\0');
  return hash.digest('hex');
}

function fail(message, status) {
  if (args.has('--soft')) {
    process.stderr.write(`Dagsorden: ${message}; npm start will build again.\n`);
    process.exit(0);
  }
  process.exit(status ?? 1);
}

// The tab's front end (tab/src → tab/dist) has its own inputs and stamp: a change to it
// rebuilds only it, and a change to the bot only the bot. Checked in this process: a
// restart spends no second node start on it. Built alongside the bot's bundle: each is
// one esbuild run that leaves part of the two cores idle (npm ci on a fresh clone: the
// tab's 3 s of CPU no longer come before the bundle's).
const tabBuilt = require('./build-tab')
  .buildTab(args)
  .catch((err) => {
    process.stderr.write(`Dagsorden: the tab's build failed: ${err && err.message}\n`);
    fail("the tab's build failed", 1);
  });
buildBot().then(
  () => tabBuilt,
  (err) => {
    process.stderr.write(`${err?.message ?? err}\n`);
    fail('the build failed', 1);
  },
);

/** A node process (the build's own steps, each apart: their memory stays there); resolves to its exit status. */
function run(nodeArgs) {
  return new Promise((resolve) => {
    spawn(process.execPath, nodeArgs, { stdio: 'inherit' })
      .on('error', () => resolve(1))
      .on('exit', (code) => resolve(code ?? 1));
  });
}

async function buildBot() {
  const wanted = fingerprint();
  if (
    args.has('--if-stale') &&
    fs.existsSync(stampFile) &&
    fs.readFileSync(stampFile, 'utf8') === wanted
  )
    return;
  fs.rmSync(stampFile, { force: true });

  // What tsc left in dist/src before the bot was bundled, and the last bundle: nothing stale stays.
  fs.rmSync(path.join(dist, 'src'), { recursive: true, force: true });
  fs.rmSync(path.join(dist, '.tsbuildinfo'), { force: true });
  const { bundle, ENTRIES } = require('./bundle');
  await bundle({ sourceRoot: root, distRoot: dist, entries: ENTRIES });

  const prismaOut = path.join(dist, 'prisma');
  fs.rmSync(prismaOut, { recursive: true, force: true });
  fs.mkdirSync(prismaOut, { recursive: true });
  fs.copyFileSync(
    path.join(root, 'prisma', 'schema.prisma'),
    path.join(prismaOut, 'schema.prisma'),
  );
  fs.cpSync(path.join(root, 'prisma', 'migrations'), path.join(prismaOut, 'migrations'), {
    recursive: true,
  });

  // The intent model, trained from the phrase corpus (src/language) now rather than at every
  // start, where the checkout has it; and the embedded database's template. Neither reads
  // what the other writes: run side by side, on two cores the build is done once the
  // template is (about 10 s of CPU against the training's 5).
  const train = path.join(__dirname, 'train-language.js');
  const [trained, template] = await Promise.all([
    fs.existsSync(train) ? run([train]) : 0,
    // --liftoff-only: initdb and the migrations on V8's baseline tier, as the bot runs the
    // embedded database (src/index.ts); the optimising tier's compiles of PGlite's 9 MB of
    // WebAssembly cost this one-off process more CPU (some 2.5 s) than they save it.
    run([
      '--liftoff-only',
      '-e',
      // Also the empty cluster the checkout's schema diff starts from (`npm run db:diff`, the
      // migrations test), in the checkout's .data-template/, not in dist/.
      'const t = require(process.argv[1]); t.writeTemplate(undefined, t.emptyClusterPath(process.argv[2])).catch((e) => { console.error(e); process.exit(1); })',
      path.join(dist, 'src', 'store', 'data-template.js'),
      path.join(root, '.data-template'),
    ]),
  ]);
  if (trained !== 0) fail('could not train the language model', trained);
  if (template !== 0) fail('could not make the embedded database template', template);

  fs.writeFileSync(stampFile, wanted);
}
