// A state.db deleted or replaced under a running controller is written back
// from the controller's connection, which then continues on the new file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openStore } from '../../src/store/store.js';
import { rewriteStoreFile, storeFileIdentity } from '../../src/store/rewrite-store-file.js';

function setup(t: { after: (fn: () => void) => void }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'berth-rewrite-'));
  const file = path.join(dir, 'state.db');
  const store = openStore(file);
  t.after(() => {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  store.meta.set('manifest_dir', '/srv/m');
  store.allocations.insert([{ protocol: 'tcp', port: 20000, owner: 'web', ownerKind: 'app', instance: 0, role: 'port' }]);
  return { dir, file, store };
}

const readBack = (file: string) => {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT owner, port FROM port_allocations').all() as { owner: string; port: number }[]).map((r) => `${r.owner}:${r.port}`);
  } finally {
    db.close();
  }
};

test('deleted: the file is written back with everything, and later writes land in it', (t) => {
  const { file, store } = setup(t);
  const before = storeFileIdentity(file);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  assert.equal(storeFileIdentity(file), undefined);
  assert.deepEqual(rewriteStoreFile(store, file), {});
  assert.notEqual(storeFileIdentity(file), before);
  assert.deepEqual(readBack(file), ['web:20000']);
  store.allocations.insert([{ protocol: 'tcp', port: 20001, owner: 'api', ownerKind: 'app', instance: 0, role: 'port' }]);
  assert.deepEqual(readBack(file).sort(), ['api:20001', 'web:20000'], 'another process sees the controller\'s writes');
});

test('replaced: a store created meanwhile at the path is kept aside, never mixed in', (t) => {
  const { file, store } = setup(t);
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  const intruder = openStore(file); // what `berth ports allocate` did in the review's repro
  intruder.allocations.insert([{ protocol: 'tcp', port: 20000, owner: 'intruder', ownerKind: 'manual', instance: null, role: 'block' }]);
  intruder.close();
  const { keptAside } = rewriteStoreFile(store, file, 1234);
  assert.equal(keptAside, `${file}.replaced-1234`);
  assert.ok(existsSync(keptAside!));
  assert.deepEqual(readBack(file), ['web:20000']);
  assert.deepEqual(readBack(keptAside!), ['intruder:20000']);
});
