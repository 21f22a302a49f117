// The bin is a bundle (scripts/bundle-cli.mjs): dist/src/cli/main.js links
// to dist/src/cli/main.cjs, which `npm run build` makes from the current
// sources, and every other command runs the second bundle, cli.bundle.mjs.
// This fails when a bundle is stale, and shows what each path loads: `berth
// list` one CommonJS file and no package (no ESM loader at all), the offline
// fallback better-sqlite3 on demand, every other command (the controller
// too) one ES module and the two native packages, and none of tsc's modules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import { BerthHarness, BIN, ROOT } from '../helpers/berth-harness.js';
import { ApiClient } from '../../src/api/api-client.js';

const BUNDLE = path.join(path.dirname(BIN), 'main.cjs');
const COMMAND_LINE_BUNDLE = path.join(path.dirname(BIN), 'cli.bundle.mjs');

interface Bundler {
  bundleCli: () => Promise<{ code: string }>;
  bundleCommandLine: () => Promise<{ path: string; text: string }[]>;
  minifiedValidators: () => Promise<string>;
}

test('dist/src/cli/main.js links to main.cjs; both bundles and the minified validators are those of the current sources', async () => {
  assert.ok(lstatSync(BIN).isSymbolicLink(), 'main.js is a link');
  assert.equal(readlinkSync(BIN), 'main.cjs');
  const bundler = (await import(new URL('scripts/bundle-cli.mjs', `file://${ROOT}`).href)) as Bundler;
  assert.ok(readFileSync(BUNDLE, 'utf8') === (await bundler.bundleCli()).code, 'dist/src/cli/main.cjs is stale: run `npm run build`');
  const files = await bundler.bundleCommandLine();
  assert.deepEqual(files.map((f) => f.path).sort(), ['dist/src/cli/cli.bundle.mjs', 'dist/src/cli/cli.bundle.mjs.map']);
  for (const file of files) assert.ok(readFileSync(path.join(ROOT, file.path), 'utf8') === file.text, `${file.path} is stale: run \`npm run build\``);
  const validators = path.join(ROOT, 'dist/src/manifest/generated/validators.cjs');
  assert.ok(readFileSync(validators, 'utf8') === (await bundler.minifiedValidators()), 'the shipped validators are not the minified ones: run `npm run build`');
  assert.ok(!existsSync(`${validators}.map`), 'no source map of the pretty copy is left beside the minified validators');
});

/** Runs the bin with ESM load hooks that write every file: URL the loader loads, one a line, to a file. */
async function esModulesLoaded(scratch: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string; files: string[] }> {
  const hooks = path.join(scratch, 'hooks.mjs');
  const register = path.join(scratch, 'register.mjs');
  const list = path.join(scratch, 'loaded.txt');
  await writeFile(hooks, `import { appendFileSync } from 'node:fs';
export async function load(url, context, next) {
  if (url.startsWith('file:')) appendFileSync(${JSON.stringify(list)}, url + '\\n');
  return next(url, context);
}\n`);
  await writeFile(register, `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`);
  await writeFile(list, '');
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', pathToFileURL(register).href, BIN, ...args], { timeout: 60_000 }, (err, stdout, stderr) => {
      const files = readFileSync(list, 'utf8').split('\n').filter(Boolean).map((url) => fileURLToPath(url));
      resolve({ code: err ? 1 : 0, stdout, stderr, files });
    });
  });
}

interface Loaded {
  commonjs: string[];
  esmLoader: boolean;
}

/** Runs the bin with a preload that reports, at exit, the CommonJS files loaded and whether the ESM loader started. */
function runReporting(preload: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string; loaded: Loaded }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--require', preload, BIN, ...args], { timeout: 60_000 }, (err, stdout, stderr) => {
      const report = /^LOADED (.*)$/m.exec(stderr);
      assert.ok(report, `no report from the preload: ${stderr}`);
      resolve({ code: err ? 1 : 0, stdout, stderr: stderr.replace(/^LOADED .*\n/m, ''), loaded: JSON.parse(report[1]!) as Loaded });
    });
  });
}

test('list loads one file and no package; offline it loads SQLite on demand; other commands run the command line bundle alone', async (t) => {
  const scratch = await mkdtemp(path.join(tmpdir(), 'berth-bin-'));
  t.after(() => rm(scratch, { recursive: true, force: true }));
  const preload = path.join(scratch, 'report-loaded.cjs');
  await writeFile(preload, `process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify({
  commonjs: Object.keys(require.cache).filter((f) => f !== __filename),
  esmLoader: process.moduleLoadList.includes('NativeModule internal/modules/esm/loader'),
}) + '\\n'));\n`);
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  await berth.writeManifest('sleepers.yaml', 'apiVersion: berth/v1\nkind: App\nmetadata: {name: sleepers}\nspec:\n  script: sleep\n  args: ["1000"]\n  instances: 2\n');
  await berth.waitFor((rows) => rows.filter((r) => r.status === 'online').length === 2, 'two sleepers online');

  const list = await runReporting(preload, ['--home', berth.home, 'ls', '-o', 'json']);
  assert.equal(list.code, 0, list.stderr);
  assert.deepEqual(list.loaded, { commonjs: [BUNDLE], esmLoader: false });
  const rows = JSON.parse(list.stdout) as { app: string; instance: number; status: string; pid: number }[];
  const live = (await new ApiClient(berth.home).listState()).instances;
  const key = (r: { app: string; instance: number; status: string; pid: number | null }) => `${r.app}/${r.instance} ${r.status} ${r.pid}`;
  assert.deepEqual(rows.map(key), live.map(key));

  const info = await runReporting(preload, ['--home', berth.home, 'info', 'sleepers']);
  assert.equal(info.code, 0, info.stderr);
  assert.match(info.stdout, /^Name: +sleepers$/m);
  assert.equal(info.loaded.esmLoader, true, 'info runs cli.bundle.mjs under the ESM loader');
  const infoModules = await esModulesLoaded(scratch, ['--home', berth.home, 'info', 'sleepers']);
  assert.equal(infoModules.code, 0, infoModules.stderr);
  // the entry, the command line and the store's native package: none of tsc's modules, no other package
  assert.deepEqual(infoModules.files, [BUNDLE, COMMAND_LINE_BUNDLE, path.join(ROOT, 'node_modules', 'better-sqlite3', 'lib', 'index.js')]);

  await berth.killController(); // the sleepers keep running
  const offline = await runReporting(preload, ['--home', berth.home, 'list', '-o', 'name']);
  assert.equal(offline.code, 0, offline.stderr);
  assert.match(offline.stderr, /^note: the controller is not running; showing the last recorded state$/m);
  assert.deepEqual(offline.stdout.trim().split('\n'), ['sleepers/0', 'sleepers/1']);
  assert.ok(offline.loaded.commonjs.some((f) => f.includes(`${path.sep}better-sqlite3${path.sep}`)), 'the store fallback loads better-sqlite3');
  assert.equal(offline.loaded.esmLoader, false);
});

// npm pack leaves symbolic links out, so package.json's bin must be the bundle itself, and the
// files the bundles find beside themselves at run time must be packed: checked on the packed
// tarball, unpacked and run (with this checkout's node_modules, as an install would have them).
test('the packed package runs: its bin is a file, not the main.js link; --version and a validation error work from the tarball', async (t) => {
  const scratch = await mkdtemp(path.join(tmpdir(), 'berth-pack-'));
  t.after(() => rm(scratch, { recursive: true, force: true }));
  const bin = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: { berth: string } }).bin.berth;
  assert.ok(!lstatSync(path.join(ROOT, bin)).isSymbolicLink(), `bin ${bin} is a file`);
  const packed = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', scratch], ROOT);
  assert.equal(packed.code, 0, packed.stderr);
  const [pack] = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  assert.ok(pack, packed.stdout);
  const { filename, files } = pack;
  const paths = new Set(files.map((f) => f.path));
  for (const needed of [bin, 'dist/src/cli/cli.bundle.mjs', 'dist/src/manifest/generated/validators.cjs', 'dist/src/socket/node-preload.cjs', 'src/web/static/index.html', 'package.json']) {
    assert.ok(paths.has(needed), `${needed} is packed`);
  }
  const untar = await run('tar', ['-xzf', path.join(scratch, filename), '-C', scratch], scratch);
  assert.equal(untar.code, 0, untar.stderr);
  const installed = path.join(scratch, 'package');
  await symlink(path.join(ROOT, 'node_modules'), path.join(installed, 'node_modules'));
  const version = await run(process.execPath, [path.join(installed, bin), '--version'], scratch);
  assert.equal(version.code, 0, version.stderr);
  assert.equal(version.stdout.trim(), (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  await writeFile(path.join(scratch, 'bad.yaml'), 'apiVersion: berth/v1\nkind: App\nmetadata: {name: web}\nspec: {scrpt: node}\n');
  const apply = await run(process.execPath, [path.join(installed, bin), '--home', path.join(scratch, 'home'), 'apply', '-f', 'bad.yaml', '--dir', path.join(scratch, 'manifests')], scratch);
  assert.equal(apply.code, 1);
  assert.match(apply.stderr, /^Error: bad\.yaml:4:8: spec\.scrpt: unknown field "scrpt"; did you mean "script"\?$/m);
});

function run(file: string, args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, maxBuffer: 16 * 2 ** 20 }, (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });
}
