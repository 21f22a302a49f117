import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, mkdtemp, mkdir, writeFile, rm, symlink } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadManifestDir, ManifestDirError } from '../../src/manifest/load-manifest-dir.js';

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

test('a missing directory, a file or an unreadable directory is an error, never an empty desired state', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'berth-load-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await assert.rejects(loadManifestDir(path.join(dir, 'manifsts')), (err: unknown) => err instanceof ManifestDirError && err.message === `manifest directory ${path.join(dir, 'manifsts')}: ENOENT`);
  await writeFile(path.join(dir, 'file.yaml'), app('web'));
  await assert.rejects(loadManifestDir(path.join(dir, 'file.yaml')), /manifest directory .*file\.yaml: ENOTDIR/);
  const empty = await loadManifestDir(path.join(dir, 'manifsts'), { missingOk: true });
  assert.equal(empty.resources.size, 0, 'apply into a folder it will create');
});

test('unreadable files and folders (EACCES) are errors of their own paths; the rest loads', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'berth-load-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await mkdir(path.join(dir, 'locked'));
  await writeFile(path.join(dir, 'locked', 'api.yaml'), app('api'));
  await writeFile(path.join(dir, 'secret.yaml'), app('secret'));
  await writeFile(path.join(dir, 'web.yaml'), app('web'));
  await chmod(path.join(dir, 'secret.yaml'), 0o000);
  await chmod(path.join(dir, 'locked'), 0o000);
  await chmod(dir, 0o755);
  // Root reads anything: load as an unprivileged user then.
  const script = `import('${new URL('../../src/manifest/load-manifest-dir.js', import.meta.url).href}').then(async ({ loadManifestDir }) => {
    const state = await loadManifestDir(${JSON.stringify(dir)});
    console.log(JSON.stringify({ names: [...state.resources.keys()], errors: state.errors.map((e) => e.message), directories: [...state.files].filter(([, e]) => e.directory).map(([f]) => f) }));
  })`;
  const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, encoding: 'utf8', ...asNobody });
  assert.equal(result.status, 0, result.stderr);
  const seen = JSON.parse(result.stdout) as { names: string[]; errors: string[]; directories: string[] };
  assert.deepEqual(seen.names, ['web']);
  assert.deepEqual(seen.errors.sort(), ['locked:1:1: cannot read: EACCES', 'secret.yaml:1:1: cannot read: EACCES']);
  assert.deepEqual(seen.directories, [path.join(dir, 'locked')]);
});

test('symlinked files and folders are followed; a cycle is reported once, not walked', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'berth-load-'));
  const elsewhere = await mkdtemp(path.join(tmpdir(), 'berth-elsewhere-'));
  t.after(() => Promise.all([rm(dir, { recursive: true, force: true }), rm(elsewhere, { recursive: true, force: true })]));
  await mkdir(path.join(elsewhere, 'available'));
  await writeFile(path.join(elsewhere, 'available', 'ext.yaml'), app('ext'));
  await writeFile(path.join(elsewhere, 'solo.yaml'), app('solo'));
  await symlink(path.join(elsewhere, 'available'), path.join(dir, 'enabled'));
  await symlink(path.join(elsewhere, 'solo.yaml'), path.join(dir, 'solo.yaml'));
  await mkdir(path.join(dir, 'loop'));
  await symlink('../loop', path.join(dir, 'loop', 'self'));
  await symlink(dir, path.join(dir, 'loop', 'up'));
  const state = await loadManifestDir(dir);
  assert.deepEqual([...state.resources.keys()].sort(), ['ext', 'solo']);
  assert.equal(state.resources.get('ext')!.source.file, path.join(dir, 'enabled', 'ext.yaml'), 'known by the path in the watched folder');
  assert.equal(state.errors.length, 2);
  assert.ok(state.errors.every((e) => /symlink cycle: leads back to .*; not followed$/.test(e.message)), state.errors.map((e) => e.message).join('\n'));
});
