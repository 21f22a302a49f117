// Files berth rewrites keep their mode and owner; new ones are 0600.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, chownSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../src/util/write-file-atomic.js';
import { tempDir } from '../instance/helpers.js';

const mode = (file: string) => statSync(file).mode & 0o7777;

test('a rewritten file keeps its mode, whatever the umask; a new one is 0600', async (t) => {
  const dir = tempDir(t);
  const secret = path.join(dir, 'secret.yaml');
  writeFileSync(secret, 'a: 1\n');
  chmodSync(secret, 0o600);
  await writeFileAtomic(secret, 'a: 2\n');
  assert.equal(readFileSync(secret, 'utf8'), 'a: 2\n');
  assert.equal(mode(secret), 0o600);

  const shared = path.join(dir, 'shared.yaml');
  writeFileSync(shared, 'b: 1\n');
  chmodSync(shared, 0o664); // group-writable: the default umask 022 would drop that bit
  await writeFileAtomic(shared, 'b: 2\n');
  assert.equal(mode(shared), 0o664);

  const fresh = path.join(dir, 'sub', 'new.yaml');
  await writeFileAtomic(fresh, 'c: 1\n');
  assert.equal(mode(fresh), 0o600);
});

test('a rewritten file keeps its owner (root only: giving a file away needs it)', async (t) => {
  if (process.getuid?.() !== 0) return t.skip('needs root to chown a file to another user');
  const dir = tempDir(t);
  const file = path.join(dir, 'theirs.yaml');
  writeFileSync(file, 'a: 1\n');
  chownSync(file, 65534, 65534);
  await writeFileAtomic(file, 'a: 2\n');
  assert.deepEqual([statSync(file).uid, statSync(file).gid], [65534, 65534]);
});
