// A real folder read three times through one ManifestParseCache: unchanged
// files are not parsed again, a changed or re-added file is, and a file that
// is gone leaves the cache.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadManifestDir } from '../../src/manifest/load-manifest-dir.js';
import { ManifestParseCache } from '../../src/manifest/parse-cache.js';

const claim = (name: string, tcp: number) => `apiVersion: berth/v1\nkind: PortClaim\nmetadata: {name: ${name}}\nspec: {tcp: ${tcp}}\n`;

test('a file whose text did not change is not parsed again; a changed one is; a removed one leaves the cache', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'berth-parse-cache-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'a.yaml'), claim('a', 1));
  writeFileSync(path.join(dir, 'b.yaml'), claim('b', 1));
  const cache = new ManifestParseCache();
  const first = await loadManifestDir(dir, { parseCache: cache });
  assert.equal(cache.size, 2);

  writeFileSync(path.join(dir, 'b.yaml'), claim('b', 2));
  const second = await loadManifestDir(dir, { parseCache: cache });
  assert.equal(second.resources.get('a'), first.resources.get('a'), 'a, unchanged, is the same parsed object');
  assert.notEqual(second.resources.get('b'), first.resources.get('b'), 'b, changed, was parsed again');
  assert.deepEqual((second.resources.get('b')!.spec as { tcp: number }).tcp, 2);
  // the same answer as a read without the cache
  assert.deepEqual(second.resources, (await loadManifestDir(dir)).resources);

  rmSync(path.join(dir, 'b.yaml'));
  await loadManifestDir(dir, { parseCache: cache });
  assert.equal(cache.size, 1, 'the removed file left the cache');
  writeFileSync(path.join(dir, 'b.yaml'), claim('b', 2));
  const fourth = await loadManifestDir(dir, { parseCache: cache });
  assert.notEqual(fourth.resources.get('b'), second.resources.get('b'), 'a file back with its old text is parsed again');
});

test('a file with errors is cached too, and its errors say the same', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'berth-parse-cache-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'bad.yaml'), 'apiVersion: berth/v1\nkind: PortClaim\nmetadata: {name: bad}\nspec: {tcp: -1}\n');
  const cache = new ManifestParseCache();
  const first = await loadManifestDir(dir, { parseCache: cache });
  const again = await loadManifestDir(dir, { parseCache: cache });
  assert.ok(first.errors.length > 0);
  assert.deepEqual(again.errors.map((e) => e.message), first.errors.map((e) => e.message));
});
