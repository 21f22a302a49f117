// F28: `delete -f` of a file with many documents reads the directory once and
// rewrites each file once (500 PortClaims took 60 s); what it does not name
// stays, in the same file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { BerthHarness } from '../../helpers/berth-harness.js';
import { removeManifestDocuments } from '../../../src/apply/edit-manifest-file.js';

const namesIn = (text: string) => parseAllDocuments(text).map((doc) => doc.getIn(['metadata', 'name']));
const claim = (name: string) => `apiVersion: berth/v1\nkind: PortClaim\nmetadata: {name: ${name}}\nspec: {tcp: 1}\n`;

test('removeManifestDocuments drops the named documents in one write and keeps the rest', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const file = path.join(berth.dir, 'all.yaml');
  writeFileSync(file, ['a', 'b', 'c', 'd'].map(claim).join('---\n'));
  assert.deepEqual(await removeManifestDocuments(file, new Set(['b', 'd', 'zz'])), ['b', 'd']);
  const text = readFileSync(file, 'utf8');
  assert.deepEqual(namesIn(text), ['a', 'c']);
  assert.equal(text.split('---').length, 2, 'one separator, no empty documents');
});

test('delete -f of 300 documents removes exactly them, from a file that also holds another', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const names = Array.from({ length: 300 }, (_, i) => `c${i}`);
  writeFileSync(path.join(berth.root, 'many.yaml'), names.map(claim).join('---\n'));
  writeFileSync(path.join(berth.dir, 'many.yaml'), [...names, 'keep'].map(claim).join('---\n'));
  const res = await berth.cli(['delete', '-f', path.join(berth.root, 'many.yaml'), '--dir', berth.dir, '--no-wait']);
  assert.equal(res.code, 0, res.stderr);
  assert.equal(res.stdout.trim().split('\n').length, 300);
  assert.equal(res.stdout.trim().split('\n')[299], 'portclaim/c299 deleted');
  const text = readFileSync(path.join(berth.dir, 'many.yaml'), 'utf8');
  assert.deepEqual(namesIn(text), ['keep']);
  assert.doesNotMatch(text, /---/);
});
