// The bin is a bundle (scripts/bundle-cli.mjs): dist/src/cli/main.js links
// to dist/src/cli/main.cjs, which `npm run build` makes from the current
// sources. This fails when the bundle is stale, and shows what each path
// loads: `berth list` one CommonJS file and no package (no ESM loader at
// all), the offline fallback better-sqlite3 on demand, every other command
// the command line as tsc compiled it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BerthHarness, BIN, ROOT } from '../helpers/berth-harness.js';
import { ApiClient } from '../../src/api/api-client.js';

const BUNDLE = path.join(path.dirname(BIN), 'main.cjs');

test('dist/src/cli/main.js links to main.cjs, the bundle of the current sources', async () => {
  assert.ok(lstatSync(BIN).isSymbolicLink(), 'main.js is a link');
  assert.equal(readlinkSync(BIN), 'main.cjs');
  const { bundleCli } = (await import(new URL('scripts/bundle-cli.mjs', `file://${ROOT}`).href)) as { bundleCli: () => Promise<{ code: string }> };
  assert.ok(readFileSync(BUNDLE, 'utf8') === (await bundleCli()).code, 'dist/src/cli/main.cjs is stale: run `npm run build`');
});

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

test('list loads one file and no package; offline it loads SQLite on demand; other commands run the compiled command line', async (t) => {
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
  assert.equal(info.loaded.esmLoader, true, 'info runs cli.js under the ESM loader');

  await berth.killController(); // the sleepers keep running
  const offline = await runReporting(preload, ['--home', berth.home, 'list', '-o', 'name']);
  assert.equal(offline.code, 0, offline.stderr);
  assert.match(offline.stderr, /^note: the controller is not running; showing the last recorded state$/m);
  assert.deepEqual(offline.stdout.trim().split('\n'), ['sleepers/0', 'sleepers/1']);
  assert.ok(offline.loaded.commonjs.some((f) => f.includes(`${path.sep}better-sqlite3${path.sep}`)), 'the store fallback loads better-sqlite3');
  assert.equal(offline.loaded.esmLoader, false);
});
