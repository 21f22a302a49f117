// Many documents of one file change in one read and one write (delete -f of a
// 500-document file rewrote it once per document); the others stay as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { removeManifestDocuments } from '../../src/apply/edit-manifest-file.js';
import { findManifests } from '../../src/apply/find-manifest.js';
import { tempDir } from '../instance/helpers.js';

const claim = (name: string, comment = '') => `apiVersion: berth/v1\nkind: PortClaim\nmetadata: {name: ${name}}${comment}\nspec: {tcp: 1}\n`;

test('removes several documents in one rewrite, keeps the rest (comments too), and deletes an emptied file', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'claims.yaml');
  writeFileSync(file, [claim('a'), claim('b', ' # keep me'), claim('c'), claim('d')].join('---\n'));
  const found = await findManifests(dir, ['a', 'c']);
  assert.deepEqual(found.map((f) => [f.file, f.resource.metadata.name]), [[file, 'a'], [file, 'c']]);

  assert.deepEqual(await removeManifestDocuments(file, new Set(['a', 'c'])), ['a', 'c']);
  const left = readFileSync(file, 'utf8');
  assert.deepEqual([...left.matchAll(/name: (\w+)/g)].map((m) => m[1]), ['b', 'd']);
  assert.match(left, /# keep me/);

  assert.deepEqual(await removeManifestDocuments(file, new Set(['b', 'd'])), ['b', 'd']);
  assert.equal(existsSync(file), false);
});

test('findManifests names an unknown app before anything is written; a name the file does not hold is not reported removed', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'claims.yaml');
  writeFileSync(file, claim('a'));
  await assert.rejects(findManifests(dir, ['a', 'zz']), /app "zz" not found/);
  assert.equal(readFileSync(file, 'utf8'), claim('a'));
  writeFileSync(file, [claim('a'), claim('b')].join('---\n'));
  assert.deepEqual(await removeManifestDocuments(file, new Set(['b', 'zz'])), ['b']);
  assert.deepEqual([...readFileSync(file, 'utf8').matchAll(/name: (\w+)/g)].map((m) => m[1]), ['a']);
});
