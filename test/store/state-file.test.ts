// state.db holds every spec.env: created 0600 (and its -wal/-shm with it), an
// older 0644 one tightened, a symlink in its place refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openStore } from '../../src/store/store.js';
import { tempDir } from '../instance/helpers.js';

const mode = (p: string) => statSync(p).mode & 0o777;

test('a new state.db and its -wal and -shm are 0600', (t) => {
  const file = path.join(tempDir(t), 'home', 'state.db');
  const store = openStore(file);
  store.meta.set('port_pool', '1-2');
  t.after(() => store.close());
  for (const part of [file, `${file}-wal`, `${file}-shm`]) {
    assert.ok(existsSync(part), part);
    assert.equal(mode(part), 0o600, part);
  }
});

test('an older 0644 state.db is tightened; a symlink in its place is refused and its target untouched', (t) => {
  const dir = tempDir(t);
  const file = path.join(dir, 'state.db');
  writeFileSync(file, '', { mode: 0o644 });
  openStore(file).close();
  assert.equal(mode(file), 0o600);

  const target = path.join(dir, 'target');
  writeFileSync(target, 'not a database');
  const linked = path.join(dir, 'linked', 'state.db');
  openStore(path.join(dir, 'linked', 'other.db')).close(); // creates the folder
  symlinkSync(target, linked);
  assert.throws(() => openStore(linked), /linked\/state\.db is not a regular file \(berth never follows a symlink inside its home\)/);
  assert.equal(statSync(target).size, 'not a database'.length);
});
