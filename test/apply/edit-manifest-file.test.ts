// Many documents of one file change in one read and one write (delete -f of a
// 500-document file rewrote it once per document); the others stay as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, watch, writeFileSync } from 'node:fs';
import path from 'node:path';
import { removeManifestDocuments } from '../../src/apply/edit-manifest-file.js';
import { removeManifests } from '../../src/apply/remove-manifests.js';
import { tempDir } from '../instance/helpers.js';

const claim = (name: string, comment = '') => `apiVersion: berth/v1\nkind: PortClaim\nmetadata: {name: ${name}}${comment}\nspec: {tcp: 1}\n`;

test('removes several documents in one rewrite, keeps the rest (comments too), and deletes an emptied file', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'claims.yaml');
  writeFileSync(file, [claim('a'), claim('b', ' # keep me'), claim('c'), claim('d')].join('---\n'));
  assert.deepEqual(await removeManifestDocuments(file, new Set(['a', 'c'])), ['a', 'c']);
  const left = readFileSync(file, 'utf8');
  assert.deepEqual([...left.matchAll(/name: (\w+)/g)].map((m) => m[1]), ['b', 'd']);
  assert.match(left, /# keep me/);

  assert.deepEqual(await removeManifestDocuments(file, new Set(['b', 'd'])), ['b', 'd']);
  assert.equal(existsSync(file), false);
});

test('removeManifests names an unknown app before anything is written; a name the file does not hold is not reported removed', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'claims.yaml');
  writeFileSync(file, claim('a'));
  await assert.rejects(removeManifests(dir, ['a', 'zz']), /app "zz" not found/);
  assert.equal(readFileSync(file, 'utf8'), claim('a'));
  writeFileSync(file, [claim('a'), claim('b')].join('---\n'));
  assert.deepEqual(await removeManifestDocuments(file, new Set(['b', 'zz'])), ['b']);
  assert.deepEqual([...readFileSync(file, 'utf8').matchAll(/name: (\w+)/g)].map((m) => m[1]), ['a']);
});

test('a file whose documents all go is removed unparsed only while it holds the text that was read', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'claims.yaml');
  const text = [claim('a'), claim('b')].join('---\n');
  writeFileSync(file, text);
  // changed since the read: a document the read did not see stays
  writeFileSync(file, [claim('a'), claim('b'), claim('new')].join('---\n'));
  assert.deepEqual(await removeManifestDocuments(file, new Set(['a', 'b']), { text, names: ['a', 'b'] }), ['a', 'b']);
  assert.deepEqual([...readFileSync(file, 'utf8').matchAll(/name: (\w+)/g)].map((m) => m[1]), ['new']);

  writeFileSync(file, text);
  assert.deepEqual(await removeManifestDocuments(file, new Set(['a', 'b', 'zz']), { text, names: ['a', 'b'] }), ['a', 'b']);
  assert.equal(existsSync(file), false);
});

test('removeManifests removes all and only the named documents across files, dependents first', async (t) => {
  const dir = tempDir(t);
  const app = (name: string, dependsOn = '') => `apiVersion: berth/v1\nkind: App\nmetadata: {name: ${name}}\nspec: {script: node${dependsOn}}\n`;
  writeFileSync(path.join(dir, 'db.yaml'), app('db'));
  writeFileSync(path.join(dir, 'web.yaml'), [app('web', ', dependsOn: [db]'), claim('keep')].join('---\n'));
  writeFileSync(path.join(dir, 'c1.yaml'), claim('c1'));
  writeFileSync(path.join(dir, 'c2.yaml'), claim('c2'));
  // inotify reports the writes in the order they happened
  const writes: string[] = [];
  const watcher = watch(dir, (_event, file) => {
    if (file && !file.startsWith('.')) writes.push(file);
  });
  t.after(() => watcher.close());
  const removed = await removeManifests(dir, ['db', 'c1', 'web', 'c2', 'c1']);
  assert.deepEqual(removed.map((r) => r.metadata.name), ['c1', 'web', 'c2', 'db'], 'web before db, which it depends on; each name once');
  while (!writes.includes('db.yaml')) await new Promise((r) => setTimeout(r, 10));
  assert.ok(writes.indexOf('web.yaml') < writes.indexOf('db.yaml'), `web.yaml rewritten before db.yaml goes: ${writes.join(', ')}`);
  assert.deepEqual(['db.yaml', 'c1.yaml', 'c2.yaml'].map((f) => existsSync(path.join(dir, f))), [false, false, false]);
  assert.deepEqual([...readFileSync(path.join(dir, 'web.yaml'), 'utf8').matchAll(/name: (\w+)/g)].map((m) => m[1]), ['keep']);
});
