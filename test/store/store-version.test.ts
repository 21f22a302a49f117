// Store.version(): moves on every write, ours or another process's, and
// stays put while nothing is written (the dashboard's cache key).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openStore } from '../../src/store/store.js';

test('version changes with our writes and with another connection\'s, not with reads', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'berth-version-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const ours = openStore(path.join(dir, 'state.db'));
  const theirs = openStore(path.join(dir, 'state.db'));
  t.after(() => {
    ours.close();
    theirs.close();
  });
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
