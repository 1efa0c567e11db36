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
];

/**
 * Packages that botbuilder's modules require as they load but call only when a request is
 * authenticated or a message sent with credentials (the token's check, MSAL, managed
 * identity, the HTTP clients of skills and the emulator): loaded at their first use
 * instead (see lazyRequiresPlugin). Before the first request none of them runs; each costs
 * start-up time and memory the idle bot keeps.
 */
const LAZY_REQUIRES = [
  {
    under: 'node_modules/botframework-connector/lib/',
    packages: [
      '@azure/identity',
      '@azure/msal-node',
      'jsonwebtoken',
      'axios',
      'node-fetch',
      'https-proxy-agent',
      'openssl-wrapper',
      'cross-fetch',
      '@azure/core-rest-pipeline',
    ],
  },
  { under: 'node_modules/botbuilder/lib/', packages: ['htmlparser2', 'fs-extra', 'axios'] },
];

/**
 * Packages bundled apart, each in a file of its own under dist/src/lazy/ that is read when
 * the package is first required: until then neither its source text (V8 keeps a script's
 * whole source for as long as any function of it lives, so a module in the bundle costs
 * its size in memory whether or not it ever runs) nor its modules are in the process.
 * Each is reached only at a first use after the start: a document written or read
 * (docx, mammoth), the first card (adaptivecards-templating with adaptive-expressions
 * and ANTLR), or, through LAZY_REQUIRES, a request's token or a credential (MSAL,
 * @azure/identity, jsonwebtoken, axios, node-fetch for the signing keys). What such a package shares with the bot's own
 * packages is bundled again beside it; nothing it returns is checked against the bot's
 * copy by identity (plain data, buffers, strings, tokens).
 */
const SIDECARS = [
  'docx',
  'mammoth',
  'adaptivecards-templating',
  '@azure/identity',
  '@azure/msal-node',
  'jsonwebtoken',
  'axios',
  'node-fetch',
  'cross-fetch',
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
/** The generated client's module that loads the query compiler, and how it does (see queryCompilerPlugin). */
const GENERATED_CLIENT_CLASS = /[\\/]src[\\/]store[\\/]generated[\\/]internal[\\/]class\.ts$/;
const DECODE_QUERY_COMPILER =
  /const \{ wasm \} = (await import\("@prisma\/client\/runtime\/query_compiler_small_bg\.postgresql\.wasm-base64\.js"\))\s*return await decodeBase64AsWasm\(wasm\)/;

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

/**
 * Makes LAZY_REQUIRES's \`const x = require("pkg")\` (TypeScript's CommonJS output, also
 * wrapped in __importDefault/__importStar) load the package at the first property read
 * of \`x\`: \`x\` becomes a proxy that requires it then. The package stays in the bundle; only
 * its modules' evaluation, and what they build, waits. A module that reads \`x\` as it
 * loads (\`class A extends x.B\`) simply loads it then, as before.
 */
function lazyRequiresPlugin({ sourceRoot }) {
  const rules = LAZY_REQUIRES.map(({ under, packages }) => ({
    dir: path.join(sourceRoot, under),
    pattern: new RegExp(
      `^(const|var) (\\w+) = ((?:__importDefault|__importStar)\\()?require\\((["'])(${packages.map((p) => p.replace(/[/.-]/g, '\\$&')).join('|')})\\4\\)(\\))?;`,
      'gm',
    ),
  }));
  const helper =
    'function __lazyModule(load) { let m; const real = () => (m === undefined ? (m = load()) : m); return new Proxy({}, { get: (_, k) => real()[k], has: (_, k) => k in real(), ownKeys: () => Reflect.ownKeys(real()), getOwnPropertyDescriptor: (_, k) => { const d = Reflect.getOwnPropertyDescriptor(real(), k); return d && { ...d, configurable: true }; } }); }\n';
  return {
    name: 'dagsorden-lazy-requires',
    setup(build) {
      build.onLoad({ filter: /\.js$/ }, async (args) => {
        const rule = rules.find((r) => args.path.startsWith(r.dir));
        if (!rule) return undefined;
        const text = await fs.promises.readFile(args.path, 'utf8');
        let changed = false;
        const out = text.replace(rule.pattern, (all, keyword, name, wrap, _quote, _pkg, close) => {
          if (Boolean(wrap) !== Boolean(close)) return all;
          changed = true;
          return `${keyword} ${name} = __lazyModule(() => ${all.slice(all.indexOf('=') + 1, -1).trim()});`;
        });
        return changed ? { contents: helper + out, loader: 'js' } : undefined;
      });
    },
  };
}

/**
 * Resolves SIDECARS to the file of their own (see there): \`require("docx")\` in a bundle
 * becomes a require of dist/src/lazy/<package>.js at run time. \`sidecars\` collects each
 * package's resolved entry file (the one this importer would have bundled: a package
 * nested under another resolves to its own copy), built afterwards by buildSidecars.
 */
function sidecarPlugin({ sourceRoot, sidecars }) {
  const filter = new RegExp(`^(${SIDECARS.map((p) => p.replace(/[/.-]/g, '\\$&')).join('|')})$`);
  return {
    name: 'dagsorden-sidecars',
    setup(build) {
      build.onResolve({ filter }, async (args) => {
        if (args.pluginData?.sidecar) return undefined;
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          pluginData: { sidecar: true },
        });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        const name = path
          .relative(path.join(sourceRoot, 'node_modules'), resolved.path)
          .split(path.sep)
          .join('/')
          .replace(/\/(dist|lib)\/.*$|\/[^/]*$/, '')
          .replace(/\/node_modules\//g, '+')
          .replace(/^@/, '')
          .replace(/[^\w.+-]+/g, '-');
        sidecars.set(name, resolved.path);
        return { path: name, namespace: 'sidecar' };
      });
      build.onLoad({ filter: /.*/, namespace: 'sidecar' }, (args) => ({
        contents: `module.exports = require(require("node:path").join(__dagsordenDist, "src", "lazy", ${JSON.stringify(`${args.path}.js`)}));`,
        loader: 'js',
      }));
    },
  };
}

/**
 * Prisma's parameter graph (which of a query's arguments are values, for its plan cache),
 * decoded node by node when a query first reaches the node instead of all at once when
 * the client starts. Decoded whole it is some 9 MB of small objects in the heap for the
 * process's life, of which one committee's queries read a small part. Prisma's own
 * decoding code runs, per node: here its loop over the nodes (input and output) is
 * rewritten to note where each node starts, and the list it returns decodes a node at its
 * first read and keeps it. Matched on Prisma's exact text: a Prisma whose text differs
 * fails the build, to be looked at, rather than silently keeping the 9 MB.
 */
const PARAM_GRAPH_NODES =
  /#(\w)\(t\)\{let r=\[\];for\(let n=0;n<t;n\+\+\)\{(let i=this\.#i\(\),o=\{\};for\(let s=0;s<i;s\+\+\)\{.*?)r\.push\((\{edges:o\})\)\}return r\}/g;

function paramGraphPlugin() {
  const helper =
    '/* dagsorden: see scripts/bundle.js, paramGraphPlugin */ function __lazyGraphNodes(count, decode) { const nodes = new Array(count); return new Proxy(nodes, { get(target, key) { if (typeof key === "string" && key.length < 10) { const i = +key; if (i >= 0 && i < count && i % 1 === 0) return target[i] ?? (target[i] = decode(i)); } return Reflect.get(target, key); } }); }\n';
  return {
    name: 'dagsorden-prisma-param-graph',
    setup(build) {
      build.onLoad(
        { filter: /[\\/]@prisma[\\/]client[\\/]runtime[\\/]client\.js$/ },
        async (args) => {
          const text = await fs.promises.readFile(args.path, 'utf8');
          let count = 0;
          const out = text.replace(PARAM_GRAPH_NODES, (_all, method, body, node) => {
            count++;
            return `#${method}(t){const starts=new Uint32Array(t);for(let n=0;n<t;n++){starts[n]=this.#r;${body}}const decode=(n)=>{const at=this.#r;this.#r=starts[n];${body}this.#r=at;return ${node}};return __lazyGraphNodes(t,decode)}`;
          });
          if (count !== 2)
            return {
              errors: [
                {
                  text: `scripts/bundle.js: Prisma's parameter graph decoder (${args.path}) is not the one paramGraphPlugin knows (${count} of 2 loops found): update the plugin for this Prisma`,
                },
              ],
            };
          return { contents: helper + out, loader: 'js' };
        },
      );
    },
  };
}

/**
 * Prisma's query compiler read from the .wasm file beside the bundles (see the top), and
 * compiled by V8's background threads: the generated client (src/store/generated) would
 * decode it from base64 and compile it on the main thread (`new WebAssembly.Module`), some
 * 35 ms in the middle of each start-up that the first query waits for. Listed before the
 * sources plugin, which would otherwise load the generated client as it stands.
 */
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
        const file = `require("node:path").join(__dagsordenDist, ${JSON.stringify(QUERY_COMPILER_FILE)})`;
        return {
          contents: `let compiling;
module.exports = {
  get wasm() { return require("node:fs").readFileSync(${file}).toString("base64"); },
  compile() { return (compiling ??= require("node:fs/promises").readFile(${file}).then((bytes) => WebAssembly.compile(bytes))); },
};`,
          loader: 'js',
        };
      });
      build.onLoad({ filter: GENERATED_CLIENT_CLASS }, async (args) => {
        const text = await fs.promises.readFile(args.path, 'utf8');
        if (!DECODE_QUERY_COMPILER.test(text)) {
          throw new Error(
            `${args.path}: Prisma's generated client no longer loads its query compiler as scripts/bundle.js expects (queryCompilerPlugin); look at how it does now`,
          );
        }
        return { contents: text.replace(DECODE_QUERY_COMPILER, 'return ($1).compile()'), loader: 'ts' };
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
 * 192 KB and compiles it as that module. \`require\` would read the 9 MB in one buffer, and
 * the C library, once it has handed out and taken back a block that large, keeps every
 * later block below that size in the heap it never gives back: some 15 MB more resident
 * for the process's life. Each piece's text is larger than the largest object V8 puts in
 * its young generation (128 KB), so it is made in the large-object space and never copied:
 * pieces of 64 KB were copied by every collection of the young generation while the code
 * loaded (about 30 ms of collections in the first 100 ms of a restart, 5 ms now). The
 * module wrapper's two halves are joined with the pieces, in the one copy the join makes.
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
const piece = Buffer.allocUnsafe(192 * 1024);
const [head, tail] = Module.wrap("\\0").split("\\0");
const parts = [head];
for (let n; (n = fs.readSync(fd, piece, 0, piece.length, null)) > 0; ) parts.push(piece.latin1Slice(0, n));
parts.push(tail);
fs.closeSync(fd);
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {
  // none yet
}
const script = new vm.Script(parts.join(""), { filename: file, cachedData });
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
  const sidecars = new Map();
  /** Builds one bundle (an entry file, or `contents` standing for one) to `stub` and its .bundle.js. */
  const build = (stub, entry, plugins, minifySyntax = minify) => {
    const outfile = stub.replace(/\.js$/, '.bundle.js');
    const toDist = path.relative(path.dirname(outfile), distRoot).split(path.sep).join('/') || '.';
    return esbuild
      .build({
        absWorkingDir: sourceRoot,
        ...entry,
        outfile,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: `node${process.versions.node.split('.')[0]}`,
        sourcemap: true,
        // Whitespace and syntax only: names stay, so a stack trace reads without the map.
        minifyWhitespace: minify,
        minifySyntax,
        legalComments: 'none',
        // import() of what stays outside becomes require(): the loader below compiles the
        // bundle with vm.Script, which has no loader for import() on this node.
        supported: { 'dynamic-import': false },
        external: EXTERNAL,
        banner: {
          js: `var __dagsordenDist = require("node:path").join(__dirname, ${JSON.stringify(toDist)});`,
        },
        plugins,
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
  };
  const results = await Promise.all(
    entries.map((entry) =>
      build(
        path.join(distRoot, entry.replace(/\.tsx?$/, '.js')),
        { entryPoints: [path.join(sourceRoot, entry)] },
        [
          queryCompilerPlugin({ distRoot }),
          sourcesPlugin({ sourceRoot, srcRoot, discoverModule }),
          lazyRequiresPlugin({ sourceRoot }),
          paramGraphPlugin(),
          sidecarPlugin({ sourceRoot, sidecars }),
        ],
        minify && !WITHOUT_SYNTAX_MINIFICATION.has(entry),
      ),
    ),
  );
  // The sidecars the entries require, each with what it needs bundled in.
  await Promise.all(
    [...sidecars].map(([name, file]) =>
      build(
        path.join(distRoot, 'src', 'lazy', `${name}.js`),
        {
          stdin: {
            contents: `module.exports = require(${JSON.stringify(file)});`,
            resolveDir: sourceRoot,
            sourcefile: `${name}-sidecar.js`,
            loader: 'js',
          },
        },
        [],
      ),
    ),
  );
  return results;
}

module.exports = { bundle, ENTRIES, EXTERNAL, SIDECARS };
