// Bundles the bot with esbuild: each entry (the bot, its worker threads, what the build
// itself runs) becomes one file in dist/ at the place tsc would have put it, with its
// source map beside it. One file instead of some two thousand modules: the process loads
// faster and keeps less (each module's wrapper, its own source text, and the parts of the
// packages nobody calls).
//
// What a bundle changes, handled here so the sources need not know:
// - `__dirname` of a module under src/ means the folder it would have in dist/ (the bundle
//   itself lies elsewhere): rewritten to that folder, found from the bundle's own place.
// - The registries found on disk (src/discover.ts): the bundler lists the folder now and
//   passes the modules it found through `bundled(...)`, so a new *.command.ts is bundled
//   without a list in the sources.
// - Packages that read files beside themselves at run time (PGlite's WebAssembly and data,
//   Prisma's schema engine) stay outside, loaded from node_modules.
// - Prisma's query compiler comes as a 2.3 MB JavaScript string of base64, kept as source
//   text for the process's life once loaded; here it is written out as the .wasm file it
//   is and read when the client starts, so only the compiled module stays.
const fs = require('node:fs');
const path = require('node:path');

/** Packages loaded from node_modules, not bundled (they find files beside their own code, or are tools). */
const EXTERNAL = [
  '@electric-sql/pglite',
  '@prisma/schema-engine-wasm',
  'pg',
  'pg-native',
  '@prisma/adapter-pg',
  'tsx',
  'tsx/*',
  'typescript',
  'esbuild',
  // restify's optional DTrace probes: a native module, looked for by a computed path.
  'dtrace-provider',
];

/**
 * The entries: the bot; its worker threads (nothing imports them: src/documents/start-worker.ts
 * starts them by file name); and the two modules the build runs itself (the database
 * template, the intent model's training).
 */
const ENTRIES = [
  'src/index.ts',
  'src/documents/document-worker.ts',
  'src/documents/minutes-worker.ts',
  'src/store/data-template.ts',
  'src/language/model-store.ts',
];

/**
 * Entries bundled without esbuild's syntax minification. The document worker holds unpdf's
 * pdf.js (node_modules/unpdf/dist/pdfjs.mjs, 1.6 MB and minified already), on which
 * esbuild's syntax pass spends some 4.5 s of CPU (0.6 s for the whole file without it):
 * 7 of the build's 14 s. Without it the worker's bundle is 1.7 % larger (2.28 MB against
 * 2.24); the others keep it (the bot's bundle would grow by 280 KB and costs no more).
 */
const WITHOUT_SYNTAX_MINIFICATION = new Set(['src/documents/document-worker.ts']);

const QUERY_COMPILER = '@prisma/client/runtime/query_compiler_small_bg.postgresql.wasm-base64.js';
const QUERY_COMPILER_FILE = 'query-compiler.wasm';

/** `discover<T>(__dirname, '.suffix'` — the first two arguments of a call to src/discover.ts's discover (or a wrapper of it). */
const DISCOVER_CALL =
  /\b(discover(?:Modules)?(?:<[^<>()]*>)?\(\s*)__dirname(\s*,\s*)(['"])(\.[\w-]+)\3/g;

/**
 * The plugin that makes the modules under `srcRoot` work from a bundle placed at `outfile`
 * as they do from `<distRoot>/<path relative to sourceRoot>`.
 */
function sourcesPlugin({ sourceRoot, srcRoot, discoverModule }) {
  return {
    name: 'dagsorden-sources',
    setup(build) {
      const inSrc = (file) => !path.relative(srcRoot, file).startsWith('..');
      build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
        if (!inSrc(args.path)) return undefined;
        let text = await fs.promises.readFile(args.path, 'utf8');
        const dir = path.dirname(args.path);
        const watchDirs = [];
        text = text.replace(DISCOVER_CALL, (_all, head, comma, quote, suffix) => {
          const pattern = new RegExp(`${suffix.replace('.', '\\.')}\\.ts$`);
          const names = fs
            .readdirSync(dir)
            .filter((n) => pattern.test(n) && !n.endsWith('.d.ts'))
            .sort();
          watchDirs.push(dir);
          const modules = names.map((n) => `require(${JSON.stringify(`./${n}`)})`).join(', ');
          return `${head}require(${JSON.stringify(discoverModule)}).bundled(__dirname, ${JSON.stringify(suffix)}, () => [${modules}])${comma}${quote}${suffix}${quote}`;
        });
        if (/\b__dirname\b/.test(text)) {
          const rel = path.relative(sourceRoot, dir).split(path.sep).join('/');
          text = text.replace(
            /\b__dirname\b/g,
            `require("node:path").join(__dagsordenDist, ${JSON.stringify(rel)})`,
          );
        }
        return { contents: text, loader: args.path.endsWith('x') ? 'tsx' : 'ts', watchDirs };
      });
    },
  };
}

/** Prisma's query compiler read from the .wasm file beside the bundles (see the top). */
function queryCompilerPlugin({ distRoot }) {
  return {
    name: 'prisma-query-compiler-file',
    setup(build) {
      build.onResolve({ filter: /query_compiler_small_bg\.postgresql\.wasm-base64\.js$/ }, () => ({
        path: QUERY_COMPILER,
        namespace: 'query-compiler',
      }));
      build.onLoad({ filter: /.*/, namespace: 'query-compiler' }, () => {
        writeQueryCompiler(distRoot);
        return {
          contents: `module.exports = { get wasm() { return require("node:fs").readFileSync(require("node:path").join(__dagsordenDist, ${JSON.stringify(QUERY_COMPILER_FILE)})).toString("base64"); } };`,
          loader: 'js',
        };
      });
    },
  };
}

/**
 * The bundle with every character outside ASCII written as a \\u escape. esbuild escapes
 * them in strings but leaves them in regular expressions (the Danish letters, a dash),
 * and one such character makes V8 hold the whole source (some 9 MB) as two bytes a
 * character. An escape means the same character in a regular expression, a string or a
 * template; in a comment it is as good. (A source map's columns are off on those lines by
 * the escapes' length, which stack traces can bear.)
 */
function asciiOnly(text) {
  return text.replace(
    /[^\t\n\r\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The file node runs (dist/src/index.js and the like): it reads its bundle in pieces of
 * 64 KB and compiles it as that module. \`require\` would read the 9 MB in one buffer, and
 * the C library, once it has handed out and taken back a block that large, keeps every
 * later block below that size in the heap it never gives back: some 15 MB more resident
 * for the process's life.
 */
function loader(bundleName) {
  return `"use strict";
// Loads ${bundleName} (made by scripts/bundle.js, which says why it is read this way), with
// V8's code cache beside it when there is one (made by the first start, see below).
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const Module = require("node:module");
const file = path.join(__dirname, ${JSON.stringify(bundleName)});
const cacheFile = file.replace(/\\.js$/, ".v8-cache");
const fd = fs.openSync(file, "r");
const piece = Buffer.allocUnsafe(64 * 1024);
const parts = [];
for (let n; (n = fs.readSync(fd, piece, 0, piece.length, null)) > 0; ) parts.push(piece.latin1Slice(0, n));
fs.closeSync(fd);
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  // none yet
}
const script = new vm.Script(Module.wrap(parts.join("")), { filename: file, cachedData });
// Made right after compiling, with the flags node was started with (a flag set later would
// make V8 refuse it): the next start skips parsing the whole bundle. A read-only dist/ only
// goes without.
if (cachedData === undefined || script.cachedDataRejected) {
  try {
    // Written beside and renamed: a bot starting at the same time never reads half of it.
    const partial = \`\${cacheFile}.\${process.pid}.\${require("node:worker_threads").threadId}\`;
    fs.writeFileSync(partial, script.createCachedData());
    fs.renameSync(partial, cacheFile);
  } catch {
    // not writable: every start parses
  }
}
const bundled = new Module(file, module);
bundled.filename = file;
bundled.paths = Module._nodeModulePaths(__dirname);
require.cache[file] = bundled;
const run = script.runInThisContext();
const req = (id) => bundled.require(id);
req.resolve = (request, options) => Module._resolveFilename(request, bundled, false, options);
req.main = process.mainModule;
req.cache = require.cache;
run.call(bundled.exports, bundled.exports, req, bundled, file, __dirname);
bundled.loaded = true;
module.exports = bundled.exports;
`;
}

/** Writes the query compiler's WebAssembly to `distRoot` (from the base64 module Prisma ships). */
function writeQueryCompiler(distRoot) {
  const { wasm } = require(QUERY_COMPILER);
  fs.writeFileSync(path.join(distRoot, QUERY_COMPILER_FILE), Buffer.from(wasm, 'base64'));
}

/**
 * Bundles each entry (a path relative to `sourceRoot`, e.g. "src/index.ts") to the same
 * path under `distRoot` with .js (and .js.map). Resolves to esbuild's results (their
 * metafiles say what each bundle holds).
 */
async function bundle({
  sourceRoot,
  distRoot,
  entries,
  srcRoot = path.join(sourceRoot, 'src'),
  discoverModule = path.join(srcRoot, 'discover.ts'),
  minify = true,
}) {
  const esbuild = require('esbuild');
  fs.mkdirSync(distRoot, { recursive: true });
  return Promise.all(
    entries.map((entry) => {
      const stub = path.join(distRoot, entry.replace(/\.tsx?$/, '.js'));
      const outfile = stub.replace(/\.js$/, '.bundle.js');
      const toDist =
        path.relative(path.dirname(outfile), distRoot).split(path.sep).join('/') || '.';
      return esbuild
        .build({
          absWorkingDir: sourceRoot,
          entryPoints: [path.join(sourceRoot, entry)],
          outfile,
          bundle: true,
          platform: 'node',
          format: 'cjs',
          target: `node${process.versions.node.split('.')[0]}`,
          sourcemap: true,
          // Whitespace and syntax only: names stay, so a stack trace reads without the map.
          minifyWhitespace: minify,
          minifySyntax: minify && !WITHOUT_SYNTAX_MINIFICATION.has(entry),
          legalComments: 'none',
          // import() of what stays outside becomes require(): the loader below compiles the
          // bundle with vm.Script, which has no loader for import() on this node.
          supported: { 'dynamic-import': false },
          external: EXTERNAL,
          banner: {
            js: `var __dagsordenDist = require("node:path").join(__dirname, ${JSON.stringify(toDist)});`,
          },
          plugins: [
            sourcesPlugin({ sourceRoot, srcRoot, discoverModule }),
            queryCompilerPlugin({ distRoot }),
          ],
          metafile: true,
          write: false,
          logLevel: 'warning',
        })
        .then((result) => {
          for (const file of result.outputFiles) {
            fs.mkdirSync(path.dirname(file.path), { recursive: true });
            fs.writeFileSync(
              file.path,
              file.path.endsWith('.js') ? asciiOnly(file.text) : file.contents,
            );
          }
          fs.writeFileSync(stub, loader(path.basename(outfile)));
          return result;
        });
    }),
  );
}

module.exports = { bundle, ENTRIES, EXTERNAL };
