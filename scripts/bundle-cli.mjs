// Bundles the bin, src/cli/main.ts, and everything `berth list` needs into
// one module, dist/src/cli/main.js (over what tsc wrote there): ESM loading
// resolves, reads, compiles and links each module in turn, and the ~25 of
// the list path were a third of its cost over a bare `node` (issue 19).
// Run by `npm run build` after tsc; a test (test/cli/bundled-bin.test.ts)
// checks dist/src/cli/main.js is the bundle of the current sources.
//
// Packages stay outside (installed beside berth), and the bundle may only
// load them lazily: a static import of one is hoisted to the bundle's top
// and would load on every `berth list`, so the build refuses it.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { builtinModules } from 'node:module';

const root = fileURLToPath(new URL('..', import.meta.url));
export const OUTFILE = 'dist/src/cli/main.js';

const BUILTINS = new Set(builtinModules);
const isBuiltin = (path) => path.startsWith('node:') || BUILTINS.has(path);

/**
 * Node's modules are taken with process.getBuiltinModule (Node >= 20.16)
 * rather than imported: an ESM import of one builds a facade with a binding
 * for every export, and node:fs's reads each of its getters, which loads
 * fs's streams (~2.5 ms of a ~15 ms list). The source keeps its imports.
 */
const builtinsWithoutFacades = {
  name: 'builtins-without-facades',
  setup(build) {
    build.onResolve({ filter: /^[a-z_:/]+$/ }, ({ path }) => (isBuiltin(path) ? { path: path.replace(/^node:/, ''), namespace: 'builtin' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'builtin' }, ({ path }) => {
      const id = JSON.stringify(`node:${path}`);
      // one pure read per export, so the bundle keeps only the ones it uses (and never reads a lazy getter it does not)
      const names = Object.keys(process.getBuiltinModule(`node:${path}`)).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== 'default');
      const lines = [`const m = process.getBuiltinModule(${id});`, 'const pick = (name) => m[name];', 'export default m;', ...names.map((name) => `export const ${name} = /* @__PURE__ */ pick(${JSON.stringify(name)});`)];
      return { contents: lines.join('\n'), loader: 'js' };
    });
  },
};

/** @returns {Promise<{ code: string, map: string }>} the bundle and its source map, not written */
export async function bundleCli() {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['src/cli/main.ts'],
    outfile: OUTFILE,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins: [builtinsWithoutFacades],
  });
  const output = result.metafile.outputs[OUTFILE];
  const eager = output.imports.filter((i) => i.kind === 'import-statement' && !isBuiltin(i.path));
  if (eager.length > 0) {
    const who = eager.map((i) => i.path).join(', ');
    throw new Error(`bundle-cli: the bin would load ${who} on every run (a static import somewhere on the list path); load it lazily (import() or createRequire) where it is used`);
  }
  const file = (suffix) => result.outputFiles.find((f) => f.path.endsWith(`${OUTFILE}${suffix}`)).text;
  return { code: file(''), map: file('.map') };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { code, map } = await bundleCli();
  writeFileSync(new URL(`../${OUTFILE}`, import.meta.url), code);
  writeFileSync(new URL(`../${OUTFILE}.map`, import.meta.url), map);
}
