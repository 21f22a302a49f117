// Turning a new state.db to WAL needs the file to itself, and SQLite does not wait (no busy
// handler) for that: a process opening the store while another holds a lock on the fresh file
// failed with "database is locked" (seen in CI: "processes creating a new home's store at the
// same moment"). openDatabase now waits for it, within the same 5 s as every other lock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/store/open-store.js';

const sqlite = new URL('../../../node_modules/better-sqlite3/lib/index.js', import.meta.url).pathname;

test('opening a new store while another process holds a lock on the file waits for it, then turns it to WAL', async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'berth-wal-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'state.db');
  // a fresh file in rollback mode, a write transaction held open for 400 ms
  const holder = spawn(process.execPath, ['-e', `const Database = require(${JSON.stringify(sqlite)});
const db = new Database(${JSON.stringify(file)});
db.exec('CREATE TABLE t (x); BEGIN IMMEDIATE; INSERT INTO t VALUES (1);');
process.stdout.write('locked\\n');
setTimeout(() => { db.exec('COMMIT'); db.close(); }, 400);`], { stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(() => holder.kill('SIGKILL'));
  await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
  const started = Date.now();
  const db = openDatabase(file);
  try {
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.ok(Date.now() - started < 5_000);
  } finally {
    db.close();
  }
});
