// Store.version(): moves on every write, ours or another process's, and
// stays put while nothing is written; memoByStoreVersion, the cache the
// once-a-second readers (instance list, dashboard) key on it.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../../src/store/store.js';
import { memoByStoreVersion } from '../../src/store/version-memo.js';

/** The controller's connection and a CLI's, to one store file in a temp folder. */
async function twoConnections(t: TestContext) {
  const dir = await mkdtemp(path.join(tmpdir(), 'berth-version-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const ours = openStore(path.join(dir, 'state.db'));
  const theirs = openStore(path.join(dir, 'state.db'));
  t.after(() => {
    ours.close();
    theirs.close();
  });
  return { ours, theirs };
}

test('version changes with our writes and with another connection\'s, not with reads', async (t) => {
  const { ours, theirs } = await twoConnections(t);
  const v0 = ours.version();
  ours.allocations.list();
  ours.events.list('web');
  assert.equal(ours.version(), v0, 'reads change nothing');
  ours.events.record({ app: 'web', instance: null, type: 'Normal', reason: 'Created', message: 'x' });
  const v1 = ours.version();
  assert.notEqual(v1, v0);
  theirs.meta.set('port_pool', '20000-20100');
  assert.notEqual(ours.version(), v1, 'a write by another connection (the CLI) is seen');
});

test('a store that continues on a new connection (its file rewritten) never gives a version it gave before', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'berth-version-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'state.db');
  const store = openStore(file);
  t.after(() => store.close());
  const before = store.version();
  const old = store.db;
  // A fresh connection counts its changes from zero again, and its data_version starts where the old one's did.
  store.replaceDatabase(openStore(file).db);
  old.close();
  assert.notEqual(store.version(), before, 'a cache keyed on the version must read the new connection');
});

test('the memo reads once while nothing is written, again after our write or another process\'s', async (t) => {
  const { ours, theirs } = await twoConnections(t);
  let reads = 0;
  const pool = memoByStoreVersion(ours, () => {
    reads++;
    return ours.meta.get('port_pool') ?? null;
  });
  assert.equal(pool(), null);
  assert.equal(pool(), null);
  assert.equal(reads, 1, 'nothing written: the value read before');
  ours.meta.set('port_pool', '20000-20100');
  assert.equal(pool(), '20000-20100');
  assert.equal(reads, 2);
  theirs.meta.set('port_pool', '30000-30100');
  assert.equal(pool(), '30000-30100', 'a write by another connection (the CLI) is read');
  assert.equal(reads, 3);
});
