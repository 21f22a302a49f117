import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { migrate } from '../../src/store/migrations.js';
import { Store } from '../../src/store/store.js';

const settings = { name: 'infra', repo: '/src/infra', branch: null, path: 'deploy', dir: '/srv/manifests', intervalMs: 30_000, selfHeal: true, allowEmpty: false };

function memoryStore(t: { after: (fn: () => void) => void }, now: () => number) {
  const db = new Database(':memory:');
  migrate(db);
  db.pragma('foreign_keys = ON');
  t.after(() => db.close());
  return new Store(db, { now });
}

test('sources: settings update, suspend flag and status survive upserts', (t) => {
  let now = 1_000;
  const store = memoryStore(t, () => now);
  store.sync.upsertSource(settings);
  assert.equal(store.sync.setSuspended('infra', true), true);
  assert.equal(store.sync.setSuspended('other', true), false);
  store.sync.recordFetched('infra', { rev: 'a'.repeat(40), subject: 'one', branch: 'main' });
  store.sync.recordError('infra', 'boom');
  now = 2_000;
  store.sync.upsertSource({ ...settings, intervalMs: 60_000, selfHeal: false });
  const record = store.sync.get('infra')!;
  assert.deepEqual([record.intervalMs, record.selfHeal, record.suspended, record.resolvedBranch], [60_000, false, true, 'main']);
  assert.deepEqual(record.lastFetched, { rev: 'a'.repeat(40), subject: 'one', at: 1_000 });
  assert.deepEqual(record.lastError, { message: 'boom', at: 1_000 });
  store.sync.recordApplied('infra', { rev: 'a'.repeat(40), subject: 'one' });
  assert.equal(store.sync.get('infra')!.lastError, null);
  assert.deepEqual(store.sync.get('infra')!.lastApplied, { rev: 'a'.repeat(40), subject: 'one', at: 2_000 });
});

test('inventory: per source, replaced on put, gone with its source', (t) => {
  const store = memoryStore(t, () => 0);
  store.sync.upsertSource(settings);
  store.sync.upsertSource({ ...settings, name: 'apps' });
  store.sync.putInventory('infra', { file: 'web.yaml', sha256: 's1', resources: ['app/web'] });
  store.sync.putInventory('infra', { file: 'web.yaml', sha256: 's2', resources: ['app/web', 'app/api'] });
  store.sync.putInventory('apps', { file: 'web.yaml', sha256: 'x', resources: [] });
  assert.deepEqual([...store.sync.inventory('infra').values()], [{ file: 'web.yaml', sha256: 's2', resources: ['app/web', 'app/api'] }]);
  store.sync.deleteInventory('apps', 'web.yaml');
  assert.equal(store.sync.inventory('apps').size, 0);
  store.sync.removeSource('infra');
  assert.equal(store.sync.inventory('infra').size, 0);
});
