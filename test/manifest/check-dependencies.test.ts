// dependsOn checked across the files of a manifest directory, and by apply.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { loadManifestDir } from '../../src/manifest/load-manifest-dir.js';
import { planAndCheck } from '../../src/apply/apply-documents.js';

const app = (name: string, deps: string[] = []) =>
  `apiVersion: berth/v1\nkind: App\nmetadata:\n  name: ${name}\nspec:\n  script: node\n${deps.length ? `  dependsOn: [${deps.join(', ')}]\n` : ''}`;

async function tempDir(t: TestContext): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'berth-deps-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const shown = (dir: string, file: string) => path.relative(process.cwd(), path.join(dir, file));

test('a cycle across three files is an error in each file, at the entry that leads on; the rest loads', async (t) => {
  const dir = await tempDir(t);
  await writeFile(path.join(dir, 'web.yaml'), app('web', ['db', 'api']));
  await writeFile(path.join(dir, 'api.yaml'), app('api', ['worker']));
  await writeFile(path.join(dir, 'worker.yaml'), app('worker', ['web']));
  await writeFile(path.join(dir, 'db.yaml'), app('db'));
  const state = await loadManifestDir(dir);
  assert.deepEqual([...state.resources.keys()], ['db']);
  assert.deepEqual(state.files.get(path.join(dir, 'web.yaml'))?.errors.map((e) => e.message), [`${shown(dir, 'web.yaml')}:7:19: spec.dependsOn[1]: dependency cycle: web → api → worker → web`]);
  assert.deepEqual(state.files.get(path.join(dir, 'api.yaml'))?.errors.map((e) => e.message), [`${shown(dir, 'api.yaml')}:7:15: spec.dependsOn[0]: dependency cycle: api → worker → web → api`]);
  assert.deepEqual(state.files.get(path.join(dir, 'worker.yaml'))?.errors.map((e) => e.message), [`${shown(dir, 'worker.yaml')}:7:15: spec.dependsOn[0]: dependency cycle: worker → web → api → worker`]);
  assert.equal(state.errors.length, 3);
  // The files still name their apps, so the running ones keep their last good spec.
  assert.deepEqual(state.files.get(path.join(dir, 'web.yaml'))?.names, ['web']);
});

test('a dependency on an app not defined is not an error (it is waited for); one on a PortClaim is', async (t) => {
  const dir = await tempDir(t);
  await mkdir(path.join(dir, 'sub'));
  await writeFile(path.join(dir, 'web.yaml'), app('web', ['later']));
  await writeFile(path.join(dir, 'sub', 'dns.yaml'), 'apiVersion: berth/v1\nkind: PortClaim\nmetadata: {name: dns}\nspec: {udp: 1}\n');
  await writeFile(path.join(dir, 'api.yaml'), app('api', ['dns']));
  const state = await loadManifestDir(dir);
  assert.deepEqual([...state.resources.keys()].sort(), ['dns', 'web']);
  assert.deepEqual(state.errors.map((e) => e.message), [`${shown(dir, 'api.yaml')}:7:15: spec.dependsOn[0]: "dns" is a PortClaim; dependsOn names apps`]);
});

test('apply refuses a cycle through an applied app and writes nothing', async (t) => {
  const dir = await tempDir(t);
  const input = await tempDir(t);
  await writeFile(path.join(dir, 'db.yaml'), app('db', ['web']));
  await writeFile(path.join(input, 'web.yaml'), app('web', ['db']));
  const options = { target: path.join(input, 'web.yaml'), recursive: false, dir, home: path.join(input, 'home'), cwd: input, stdin: new PassThrough() };
  await assert.rejects(planAndCheck(options), { message: 'web.yaml:7:15: spec.dependsOn[0]: dependency cycle: web → db → web' });
  await writeFile(path.join(input, 'web.yaml'), app('web'));
  const { writes } = await planAndCheck(options);
  assert.deepEqual(writes.map((w) => `${w.name} ${w.change}`), ['web created']);
});
