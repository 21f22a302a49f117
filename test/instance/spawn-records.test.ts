// A spawn's marker is recorded before the spawn; a store that cannot take it (disk full) keeps it in memory
// and writes it once writes work again, so supervision never stops for it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { SpawnRecords } from '../../src/instance/spawn-records.js';
import { memoryStore } from '../helpers/memory-store.js';

test('a marker the store cannot take yet is kept, counted, and written when the store takes writes again', () => {
  const store = memoryStore();
  let full = true;
  const real = store.spawns;
  const failing = {
    list: () => real.list(),
    find: (...a: Parameters<typeof real.find>) => real.find(...a),
    insert: (...a: Parameters<typeof real.insert>) => { if (full) throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL'); real.insert(...a); },
    setProcess: (...a: Parameters<typeof real.setProcess>) => { if (full) throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL'); real.setProcess(...a); },
    delete: (...a: Parameters<typeof real.delete>) => { if (full) throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL'); real.delete(...a); },
  };
  const errors: unknown[] = [];
  const records = new SpawnRecords({ spawns: failing }, '/srv/home', { onError: (err) => errors.push(err), retryMs: 60_000 });
  const marker = records.begin('web', 0);
  records.spawned(marker, 4242, '99');
  assert.deepEqual(records.markers(), [marker], 'known although not written');
  assert.equal(records.markerOf('web', 0, 4242, '99'), marker, 'adoption finds it');
  assert.equal(real.list().length, 0);
  assert.ok(errors.length > 0, 'reported');

  full = false;
  records.flush();
  assert.deepEqual(real.list().map((r) => [r.marker, r.pid, r.startTime]), [[marker, 4242, '99']]);
  records.ended(marker);
  assert.deepEqual(real.list(), []);
  records.stop();
});
