// reloadOneFile: the watcher's first report of a change reads the file it names, and takes the
// others as the last read found them; whatever it cannot stand for, it leaves to a full read.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadManifestDir, reloadOneFile, type DesiredState } from '../../src/manifest/load-manifest-dir.js';
import type { AppSpec } from '../../src/manifest/types.js';
import { ManifestParseCache } from '../../src/manifest/parse-cache.js';

const app = (name: string, instances = 1) => `apiVersion: berth/v1\nkind: App\nmetadata:\n  name: ${name}\nspec:\n  script: node\n  instances: ${instances}\n`;

const instancesOf = (state: DesiredState, name: string) => (state.resources.get(name)!.spec as AppSpec).instances;

/** What a desired state says, comparable with deepEqual. */
const summary = (state: DesiredState) => ({
  resources: [...state.resources].map(([name, r]) => [name, r.source.file, r.specHash]).sort(),
  files: [...state.files].map(([file, entry]) => [file, entry.names, entry.errors.map((e) => e.message)]).sort(),
  errors: state.errors.map((e) => e.message).sort(),
});

async function folder(t: TestContext) {
  const dir = await mkdtemp(path.join(tmpdir(), 'berth-one-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = (name: string) => path.join(dir, name);
  return { dir, file };
}

/** A folder with web in b.yaml and api in sub/c.yaml, read once through a parse cache. */
async function folderOfTwo(t: TestContext) {
  const { dir, file } = await folder(t);
  await mkdir(file('sub'));
  await writeFile(file('b.yaml'), app('web'));
  await writeFile(file('sub/c.yaml'), app('api'));
  const parseCache = new ManifestParseCache();
  return { dir, file, parseCache, first: await loadManifestDir(dir, { parseCache }) };
}

test('the named file is read, the others are as the last read found them; the full read after it sees them all', async (t) => {
  const { dir, file, parseCache, first } = await folderOfTwo(t);
  await writeFile(file('b.yaml'), app('web', 3));
  await writeFile(file('sub/c.yaml'), app('api', 2)); // changed too, not named
  const one = await reloadOneFile(file('b.yaml'), first, { parseCache });
  assert.ok(one);
  assert.equal(instancesOf(one, 'web'), 3);
  assert.equal(instancesOf(one, 'api'), 1, 'not read: as the last read found it');

  const full = await loadManifestDir(dir, { parseCache });
  assert.equal(instancesOf(full, 'api'), 2);
});

test('when only the named file changed, the result is the full read\'s: a new file, a conflict by path order, a deleted file', async (t) => {
  const { dir, file, parseCache, first } = await folderOfTwo(t);
  let previous = first;
  const check = async (named: string) => {
    const one = await reloadOneFile(file(named), previous, { parseCache });
    assert.ok(one, named);
    const full = await loadManifestDir(dir, { parseCache: new ManifestParseCache() });
    assert.deepEqual(summary(one), summary(full), named);
    previous = one;
  };

  await writeFile(file('.a.yaml.tmp'), app('api')); // a new file sorting first takes "api" from sub/c.yaml
  await rename(file('.a.yaml.tmp'), file('a.yaml'));
  await check('a.yaml');
  assert.match(previous.resources.get('api')!.source.file, /a\.yaml$/);
  assert.ok(previous.errors.some((e) => e.code === 'MANIFEST_CONFLICT'));

  await writeFile(file('b.yaml'), `${app('web')}  instances: [\n`); // broken: its apps named, kept out
  await check('b.yaml');

  await rm(file('a.yaml'));
  await check('a.yaml');
  assert.match(previous.resources.get('api')!.source.file, /c\.yaml$/);
});

test('left to a full read: nothing read before (an empty folder read is a read), a last read that could not read a file, a named FIFO or folder', async (t) => {
  const { dir, file } = await folder(t);
  await writeFile(file('a.yaml'), app('web'));
  const parseCache = new ManifestParseCache();
  const empty: DesiredState = { resources: new Map(), errors: [], files: new Map() };
  assert.equal(await reloadOneFile(file('a.yaml'), empty, { parseCache }), undefined, 'no read yet');
  const emptyFolder = await folder(t);
  const emptyCache = new ManifestParseCache();
  const none = await loadManifestDir(emptyFolder.dir, { parseCache: emptyCache });
  await writeFile(emptyFolder.file('web.yaml'), app('web'));
  assert.deepEqual([...(await reloadOneFile(emptyFolder.file('web.yaml'), none, { parseCache: emptyCache }))!.resources.keys()], ['web'], 'a folder read empty is a read');

  await symlink(file('missing.yaml'), file('dangling.yaml'));
  const withProblem = await loadManifestDir(dir, { parseCache });
  assert.equal(withProblem.errors.length, 1);
  assert.equal(await reloadOneFile(file('a.yaml'), withProblem, { parseCache }), undefined, 'the dangling link may be readable now');
  await rm(file('dangling.yaml'));

  const clean = await loadManifestDir(dir, { parseCache });
  execFileSync('mkfifo', [file('pipe.yaml')]);
  assert.equal(await reloadOneFile(file('pipe.yaml'), clean, { parseCache }), undefined, 'a FIFO is never opened');
  await mkdir(file('dir.yaml'));
  assert.equal(await reloadOneFile(file('dir.yaml'), clean, { parseCache }), undefined);
  assert.ok(await reloadOneFile(file('a.yaml'), clean, { parseCache }));
});
