import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadManifestDir } from '../../src/manifest/load-manifest-dir.js';

const app = (name: string) => `apiVersion: berth/v1\nkind: App\nmetadata:\n  name: ${name}\nspec:\n  script: node\n`;

test('loads *.yaml and *.yml recursively; duplicate names: first path wins, both files told', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'berth-load-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await mkdir(path.join(dir, 'sub'));
  await writeFile(path.join(dir, 'a.yaml'), app('web'));
  await writeFile(path.join(dir, 'sub', 'b.yml'), app('api'));
  await writeFile(path.join(dir, 'z.yaml'), app('web'));
  await writeFile(path.join(dir, 'notes.txt'), 'not a manifest');
  await writeFile(path.join(dir, '.web.yaml.swp'), 'editor junk');
  const state = await loadManifestDir(dir);
  assert.deepEqual([...state.resources.keys()].sort(), ['api', 'web']);
  assert.match(state.resources.get('web')!.source.file, /a\.yaml$/);
  assert.equal(state.errors.length, 2);
  assert.ok(state.errors.every((e) => e.code === 'MANIFEST_CONFLICT'));
  assert.ok(state.errors.some((e) => /z\.yaml:1:1: metadata\.name: "web" is already defined in .*a\.yaml/.test(e.message)));
  assert.ok(state.errors.some((e) => /a\.yaml:1:1: metadata\.name: "web" is also defined in .*z\.yaml/.test(e.message)));
});

test('a broken file still names the apps it mentions', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'berth-load-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await writeFile(path.join(dir, 'web.yaml'), `${app('web')}  instances: [\n`);
  const state = await loadManifestDir(dir);
  assert.equal(state.resources.size, 0);
  const [entry] = [...state.files.values()];
  assert.deepEqual(entry?.names, ['web']);
  assert.equal(entry?.errors.length, 1);
});

test('a missing directory is an empty desired state', async () => {
  const state = await loadManifestDir('/nonexistent/berth-manifests');
  assert.equal(state.resources.size, 0);
});
