#!/usr/bin/env node
// Builds the tab's front end (tab/src, React + Fluent UI + TeamsJS) with esbuild into
// tab/dist: index.html, and the script and styles under assets/ with their content's hash
// in their names, so the server may let browsers keep them for good (src/api/http.ts).
// scripts/build.js runs it, so `npm install` and `npm start` build the tab with no extra step.
//
//   node scripts/build-tab.js             builds
//   node scripts/build-tab.js --if-stale  only when tab/ (or this script, or the lock) changed
//   --soft                                a failed build warns and exits 0 (as build.js)
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const root = path.join(__dirname, '..');
const tab = path.join(root, 'tab');
const dist = path.join(tab, 'dist');
const stampFile = path.join(dist, '.build-stamp');
const args = new Set(process.argv.slice(2));

function files(abs) {
  if (!fs.existsSync(abs)) return [];
  if (!fs.statSync(abs).isDirectory()) return [abs];
  return fs
    .readdirSync(abs, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((d) => files(path.join(abs, d.name)));
}

function fingerprint() {
  const hash = createHash('sha256');
  const inputs = [
    ...files(path.join(tab, 'src')),
    path.join(tab, 'index.html'),
    __filename,
    path.join(root, 'package-lock.json'),
  ];
  for (const file of inputs)
    hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex');
}

async function build() {
  const esbuild = require('esbuild');
  const out = path.join(dist, 'assets');
  fs.rmSync(dist, { recursive: true, force: true });
  const result = await esbuild.build({
    entryPoints: [path.join(tab, 'src', 'main.tsx')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2020', 'chrome100', 'safari15', 'firefox100'],
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    entryNames: '[name]-[hash]',
    outdir: out,
    metafile: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  const built = Object.keys(result.metafile.outputs).map((f) =>
    path.relative(dist, path.join(root, f)).split(path.sep).join('/'),
  );
  const scripts = built
    .filter((f) => f.endsWith('.js'))
    .map((f) => `<script type="module" src="./${f}"></script>`);
  const styles = built
    .filter((f) => f.endsWith('.css'))
    .map((f) => `<link rel="stylesheet" href="./${f}" />`);
  const html = fs
    .readFileSync(path.join(tab, 'index.html'), 'utf8')
    .replace('<!--scripts-->', scripts.join('\n    '))
    .replace('<!--styles-->', styles.join('\n    '));
  fs.writeFileSync(path.join(dist, 'index.html'), html);
  // Compressed once here, so the server sends the gzip to browsers that take it and spends nothing per request.
  for (const file of built)
    fs.writeFileSync(
      path.join(dist, `${file}.gz`),
      zlib.gzipSync(fs.readFileSync(path.join(dist, file)), { level: 9 }),
    );
  return built;
}

/** Builds the tab (when stale, with --if-stale): scripts/build.js calls it in its own process, which spares a node start on every `npm start`. */
async function buildTab(args) {
  if (!fs.existsSync(path.join(tab, 'src', 'main.tsx'))) return;
  const wanted = fingerprint();
  if (
    args.has('--if-stale') &&
    fs.existsSync(stampFile) &&
    fs.readFileSync(stampFile, 'utf8') === wanted
  )
    return;
  const built = await build();
  fs.writeFileSync(stampFile, wanted);
  if (!args.has('--quiet'))
    process.stdout.write(`Dagsorden: the tab is built (${built.join(', ')})\n`);
}

if (require.main === module)
  buildTab(args).catch((err) => {
    process.stderr.write(`Dagsorden: the tab's build failed: ${err && err.message}\n`);
    process.exit(args.has('--soft') ? 0 : 1);
  });

module.exports = { fingerprint, buildTab };
