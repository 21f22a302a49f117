// The Supervisor over a store that cannot be written for a while (disk
// full): a real process keeps being supervised, the failure is reported
// (never thrown), and the row lands once the store takes writes again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store/store.js';
import { Supervisor } from '../../src/instance/supervisor.js';
import { makeSpec, tempDir, until, killGroupAfter } from './helpers.js';

test('row writes that fail with SQLITE_FULL are retried until they land', async (t) => {
  const dir = tempDir(t, 'berth-full-');
  const store = openStore(path.join(dir, 'state.db'));
  let full = true;
  const upsert = store.instances.upsert.bind(store.instances);
  store.instances.upsert = (...args) => {
    if (full) throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
    return upsert(...args);
  };
  const errors: string[] = [];
  const supervisor = new Supervisor({ store, home: dir, sweepIntervalMs: 100, retryWritesMs: 50, onError: (err) => errors.push((err as { code?: string }).code ?? String(err)) });
  t.after(() => {
    supervisor.detachAll();
    store.close();
  });
  const handle = supervisor.start({ app: 'app', index: 0, specHash: 'h1', env: {}, ports: { tcp: [], udp: [] }, logDir: path.join(dir, 'logs'), spec: makeSpec({ script: 'sleep', args: ['1000'], cwd: dir, stopTimeoutMs: 2_000 }) });
  await until('online', () => handle.snapshot().status === 'online');
  killGroupAfter(t, handle.snapshot().pid);
  await until('a few retries', () => errors.length >= 3);
  assert.ok(errors.every((code) => code === 'SQLITE_FULL'));
  assert.equal(store.instances.get('app', 0), undefined, 'nothing written while full');

  full = false;
  await until('the row written', () => store.instances.get('app', 0)?.status === 'online');
  assert.equal(store.instances.get('app', 0)?.pid, handle.snapshot().pid);
  await supervisor.halt('app', 0);
});
