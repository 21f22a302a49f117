// Many documents of one file change in one read and one write (delete -f of a
// 500-document file rewrote it once per document); the others stay as written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { editManifestDocuments } from '../../src/apply/edit-manifest-file.js';
import { findManifests } from '../../src/apply/find-manifest.js';
import { tempDir } from '../instance/helpers.js';

const claim = (name: string, comment = '') => `apiVersion: berth/v1\nkind: PortClaim\nmetadata: {name: ${name}}${comment}\nspec: {tcp: 1}\n`;

test('removes several documents in one rewrite, keeps the rest (comments too), and deletes an emptied file', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'claims.yaml');
  writeFileSync(file, [claim('a'), claim('b', ' # keep me'), claim('c'), claim('d')].join('---\n'));
  const found = await findManifests(dir, ['a', 'c']);
  assert.deepEqual(found.map((f) => [f.file, f.resource.metadata.name]), [[file, 'a'], [file, 'c']]);

  await editManifestDocuments(file, new Map([['a', { remove: true }], ['c', { remove: true }]]));
  const left = readFileSync(file, 'utf8');
  assert.deepEqual([...left.matchAll(/name: (\w+)/g)].map((m) => m[1]), ['b', 'd']);
  assert.match(left, /# keep me/);

  await editManifestDocuments(file, new Map([['b', { remove: true }], ['d', { remove: true }]]));
  assert.equal(existsSync(file), false);
});

test('a name the file does not hold is an error and nothing is written; findManifests names the unknown app', async (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'claims.yaml');
  writeFileSync(file, claim('a'));
  await assert.rejects(editManifestDocuments(file, new Map([['a', { remove: true }], ['zz', { remove: true }]])), /app "zz"/);
  assert.equal(readFileSync(file, 'utf8'), claim('a'));
  await assert.rejects(findManifests(dir, ['a', 'zz']), /app "zz" not found/);
});
