// Events are kept to the newest 200-250 per app, whatever the interleaving of
// apps; an instance row is created or patched by one upsert that leaves the
// fields it is not given as they were.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { memoryStore } from '../helpers/memory-store.js';

test('each app keeps its newest 200 to 250 events, trimmed per app even when apps alternate', () => {
  const store = memoryStore();
  for (let i = 0; i < 600; i++) {
    for (const app of ['a', 'b']) store.events.record({ app, instance: null, type: 'Normal', reason: 'Tick', message: `${app} ${i}` });
  }
  for (const app of ['a', 'b']) {
    const kept = store.events.list(app, 1_000);
    assert.ok(kept.length >= 200 && kept.length <= 250, `${app} keeps ${kept.length}`);
    assert.equal(kept.at(-1)?.message, `${app} 599`);
  }
});

test('upsert creates the row, then patches only the given fields', () => {
  const store = memoryStore();
  store.instances.upsert('web', 0, { specHash: 'h1', status: 'pending' });
  store.instances.upsert('web', 0, { specHash: 'h1', status: 'online', pid: 42, startTime: '7', restarts: 2 });
  store.instances.upsert('web', 0, { specHash: 'h1', status: 'stopping', pid: undefined });
  const row = store.instances.get('web', 0)!;
  assert.deepEqual([row.status, row.pid, row.startTime, row.restarts, row.specHash], ['stopping', 42, '7', 2, 'h1']);
  store.instances.upsert('web', 0, { specHash: 'h2', pid: null, startTime: null });
  assert.deepEqual([store.instances.get('web', 0)!.pid, store.instances.get('web', 0)!.specHash], [null, 'h2']);
});

test('indexes lists one app\'s instance indexes, ascending, without their records', () => {
  const store = memoryStore();
  for (const index of [2, 0, 11]) store.instances.upsert('web', index, { specHash: 'h1', status: 'pending' });
  store.instances.upsert('api', 5, { specHash: 'h1', status: 'pending' });
  assert.deepEqual(store.instances.indexes('web'), [0, 2, 11]);
  assert.deepEqual(store.instances.indexes('none'), []);
});
