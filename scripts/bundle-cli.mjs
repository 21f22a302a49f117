// Bundles the bin, src/cli/main.ts, with everything `berth list` needs into
// one CommonJS file, dist/src/cli/main.cjs, and makes the bin path
// dist/src/cli/main.js a symbolic link to it (over what tsc wrote there).
// Run by `npm run build` after tsc; test/cli/bundled-bin.test.ts checks the
// bundle is current and that `berth list` loads nothing else.
//
// Why (issue 19, profiled): `berth list` cost ~1.5x a bare `node -e 0`,
// and most of the difference was loading modules rather than listing.
// - One file instead of ~20: ESM resolves, reads, compiles and links each
//   module in turn.
// - CommonJS: the ESM loader alone costs ~4 ms a run, and Node picks the
//   loader by the real path of the entry: `node dist/src/cli/main.js` follows
//   the link to main.cjs and never starts the ESM loader. (A .js file in this
//   package is ESM, and package.json's bin, tests and benchmarks run main.js.)
// - Lazy modules: esbuild wraps what is reached only by import() in an init
//   function, so the store (better-sqlite3) of the offline fallback is
//   required only when the controller is down.
// Every other command runs the second bundle, dist/src/cli/cli.bundle.mjs:
// the command line (src/cli/cli.ts) with its packages, whitespace and syntax
// minified, so the controller that `berth up` runs is one file too (main.ts
// imports it by URL, which the first bundle leaves alone). Why (issue 19,
// the controller's private memory, RssAnon, at 100 `sleep` instances): tsc's
// ~150 modules and the packages as published 24.4 MB; this bundle 21.3 (V8
// keeps each module's source text and, for every function it compiled,
// scope and position tables). Names are kept as written, so error names
// (an error's name is its class's) and stack traces read as in the sources.
// Measured and not taken: minified names too, 18.7 MB at 100, but errors
// and stacks named `Qe`; esbuild's `keepNames` to fix that costs a property
// array on every function object, closures included: at 1000 instances
// +8-9 MB (VmRSS 103 vs 94.5 MB). The source map (cli.bundle.mjs.map) maps
// stacks back to the TypeScript with `node --enable-source-maps`.
// - ESM, not CommonJS: requiring the same file as CommonJS left ~3 MB more
//   in malloc's heap (V8's heap was smaller, the sum larger).
// - One file, not split per command: splitting made 111 files for ~0.5 MB.
// - better-sqlite3 and koffi load native code from their own folders, so
//   they stay packages.
// - Each module's `import.meta.url` is where tsc put that module, relative
//   to the bundle, so files found beside a module (the validators, the
//   socket preload, the dashboard's static files) are found.
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
export const BUNDLE = 'dist/src/cli/main.cjs';
export const COMMAND_LINE_BUNDLE = 'dist/src/cli/cli.bundle.mjs';
export const BIN = 'dist/src/cli/main.js';
export const VALIDATORS = 'dist/src/manifest/generated/validators.cjs';
const VALIDATORS_SOURCE = 'src/manifest/generated/validators.cts';

/** The Node berth supports (package.json's engines), for everything esbuild makes. */
const NODE_TARGET = { platform: 'node', target: 'node20' };
/** What both bundles are: for that Node, with a linked source map, returned rather than written. */
const BUNDLE_OPTIONS = { ...NODE_TARGET, bundle: true, sourcemap: 'linked', write: false, logLevel: 'silent' };

/** @returns {Promise<{ code: string, map: string }>} the bundle and its source map, not written */
export async function bundleCli() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    ...BUNDLE_OPTIONS,
    absWorkingDir: fileURLToPath(root),
    entryPoints: ['src/cli/main.ts'],
    outfile: BUNDLE,
    format: 'cjs',
    packages: 'external',
    // ESM's import.meta.url, as CommonJS knows it; strict mode as ESM has it (a banner line would end the prologue)
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: '"use strict";\nconst importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
  });
  const text = (suffix) => result.outputFiles.find((f) => f.path.endsWith(`${BUNDLE}${suffix}`)).text;
  return { code: text(''), map: text('.map') };
}

/** @returns {Promise<{ path: string, text: string }[]>} the command line's bundle and its source map (paths from the package root), not written */
export async function bundleCommandLine() {
  const esbuild = await import('esbuild');
  const rootDir = fileURLToPath(root);
  const result = await esbuild.build({
    ...BUNDLE_OPTIONS,
    absWorkingDir: rootDir,
    entryPoints: ['src/cli/cli.ts'],
    outfile: COMMAND_LINE_BUNDLE,
    format: 'esm',
    external: ['better-sqlite3', 'koffi'],
    // names are not minified: see above
    minifyWhitespace: true,
    minifySyntax: true,
    plugins: [importMetaUrlOfTscOutput(rootDir)],
    // a module may name its own `require` (createRequire), so the URL is made by a function of the bundle's scope
    banner: {
      js: [
        "import { createRequire as createRequireOfBundle } from 'node:module';",
        'const require = createRequireOfBundle(import.meta.url);', // for the CommonJS packages inside
        'const tscOutputUrl = (relative) => new URL(relative, import.meta.url).href;',
      ].join('\n'),
    },
  });
  return result.outputFiles.map((f) => ({ path: path.relative(rootDir, f.path).split(path.sep).join('/'), text: f.text }));
}

/**
 * The manifest validators as shipped: ajv's generated code minified, names
 * too (they are generated), in place of tsc's pretty copy. V8 keeps a
 * script's source for as long as any of its functions lives, so the
 * controller held all 250 KB of it; minified it is ~90 KB. The committed
 * validators.cts stays formatted, for review.
 * @returns {Promise<string>}
 */
export async function minifiedValidators() {
  const esbuild = await import('esbuild');
  const source = readFileSync(new URL(VALIDATORS_SOURCE, root), 'utf8');
  const result = await esbuild.transform(source, { ...NODE_TARGET, loader: 'ts', format: 'cjs', minify: true });
  return result.code;
}

/** Replaces `import.meta.url` in src/X.ts with the URL of dist/src/X.js, found from the bundle's own path at run time. */
function importMetaUrlOfTscOutput(rootDir) {
  const bundleDir = path.dirname(path.join(rootDir, COMMAND_LINE_BUNDLE));
  const sourceDir = path.join(rootDir, 'src') + path.sep;
  return {
    name: 'import-meta-url-of-tsc-output',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        // berth's own sources only: a package's .ts has no tsc output of ours beside it
        if (!args.path.startsWith(sourceDir)) return undefined;
        const source = readFileSync(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const compiled = path.join(rootDir, 'dist', path.relative(rootDir, args.path)).replace(/\.ts$/, '.js');
        const relative = path.relative(bundleDir, compiled).split(path.sep).join('/');
        return { contents: source.replaceAll('import.meta.url', `tscOutputUrl(${JSON.stringify(relative)})`), loader: 'ts' };
      });
    },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [bin, commandLine, validators] = await Promise.all([bundleCli(), bundleCommandLine(), minifiedValidators()]);
  writeFileSync(new URL(BUNDLE, root), bin.code);
  writeFileSync(new URL(VALIDATORS, root), validators);
  rmSync(new URL(`${VALIDATORS}.map`, root), { force: true }); // tsc's map is of the pretty copy
  writeFileSync(new URL(`${BUNDLE}.map`, root), bin.map);
  for (const file of commandLine) writeFileSync(new URL(file.path, root), file.text);
  // tsc wrote main.js (and main.js.map), or writes through the link: either way main.js ends a link
  rmSync(new URL(BIN, root), { force: true });
  rmSync(new URL(`${BIN}.map`, root), { force: true });
  symlinkSync('main.cjs', new URL(BIN, root));
}
