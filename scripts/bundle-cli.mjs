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
// Other commands run cli.js as tsc compiled it (main.ts imports it by URL,
// which the bundler leaves alone), under the ESM loader as before.
import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
export const BUNDLE = 'dist/src/cli/main.cjs';
export const BIN = 'dist/src/cli/main.js';

/** @returns {Promise<{ code: string, map: string }>} the bundle and its source map, not written */
export async function bundleCli() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: fileURLToPath(root),
    entryPoints: ['src/cli/main.ts'],
    outfile: BUNDLE,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    // ESM's import.meta.url, as CommonJS knows it; strict mode as ESM has it (a banner line would end the prologue)
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: '"use strict";\nconst importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    sourcemap: 'linked',
    write: false,
    logLevel: 'silent',
  });
  const text = (suffix) => result.outputFiles.find((f) => f.path.endsWith(`${BUNDLE}${suffix}`)).text;
  return { code: text(''), map: text('.map') };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { code, map } = await bundleCli();
  writeFileSync(new URL(BUNDLE, root), code);
  writeFileSync(new URL(`${BUNDLE}.map`, root), map);
  // tsc wrote main.js (and main.js.map), or writes through the link: either way main.js ends a link
  rmSync(new URL(BIN, root), { force: true });
  rmSync(new URL(`${BIN}.map`, root), { force: true });
  symlinkSync('main.cjs', new URL(BIN, root));
}
