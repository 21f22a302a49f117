// The kernel lock berth uses for "one controller per home" and for apply:
// held by a live process, also while it is stopped; gone when it dies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { lockFile, lockHolder, ReusableFileLock, tryLockFile } from '../../src/util/file-lock.js';
import { waitFor } from '../helpers/wait-for.js';

const MODULE = new URL('../../src/util/file-lock.js', import.meta.url).href;

test('a lock is held by a live (even stopped) process, named by pid, and released by the kernel when it dies', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'berth-lock-'));
  const file = path.join(dir, 'controller.lock');
  const holder = spawn(process.execPath, ['--input-type=module', '-e', `const { tryLockFile } = await import('${MODULE}'); tryLockFile(${JSON.stringify(file)}); console.log('locked'); setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(() => {
    holder.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  await once(holder.stdout!, 'data');
  assert.equal(tryLockFile(file), undefined);
  assert.equal(lockHolder(file), holder.pid);

  holder.kill('SIGSTOP');
  assert.equal(tryLockFile(file), undefined, 'a stopped holder still holds it');
  holder.kill('SIGKILL');
  await once(holder, 'exit');
  const mine = tryLockFile(file);
  assert.ok(mine, 'free once the holder is dead: nothing stale is left behind');
  assert.equal(lockHolder(file), process.pid);
  mine.release();
  assert.equal(lockHolder(file), null, 'nobody holds it');
});

test('lockFile waits for a holder that lets go within waitMs', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'berth-lock-'));
  const file = path.join(dir, 'apply.lock');
  const holder = spawn(process.execPath, ['--input-type=module', '-e', `const { tryLockFile } = await import('${MODULE}'); const l = tryLockFile(${JSON.stringify(file)}); console.log('locked'); process.stdin.once('data', () => { l.release(); console.log('released'); setInterval(() => {}, 1000); });`], { stdio: ['pipe', 'pipe', 'inherit'] });
  t.after(() => {
    holder.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  await once(holder.stdout!, 'data');
  assert.equal(tryLockFile(file), undefined);
  holder.stdin!.write('go\n');
  await waitFor(() => lockHolder(file) === null, { what: 'the holder to let go' });
  const lock = await lockFile(file, { waitMs: 5_000 });
  assert.ok(lock);
  lock.release();
});

/** Whether another process can take the lock on `file` right now (it lets go at once). */
function freeForAnotherProcess(file: string): boolean {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', `const { tryLockFile } = await import('${MODULE}'); const l = tryLockFile(${JSON.stringify(file)}); console.log(l ? 'free' : 'held'); l?.release();`], { encoding: 'utf8' });
  return out.trim() === 'free';
}

test('a reusable lock: held against other processes and this one until released, then taken again on the same open file', (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'berth-lock-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'probes.lock');
  const probes = new ReusableFileLock(file);
  assert.ok(existsSync(file), 'opened (created) before its first use');
  assert.equal(lockHolder(file), null, 'but not locked');
  const first = probes.tryLock();
  assert.ok(first);
  assert.equal(lockHolder(file), process.pid);
  assert.equal(probes.tryLock(), undefined, 'a second user in this process waits too');
  assert.equal(tryLockFile(file), undefined, 'so does another handle in this process');
  assert.equal(freeForAnotherProcess(file), false);
  first.release();
  first.release(); // twice is harmless
  assert.equal(lockHolder(file), null);
  assert.equal(freeForAnotherProcess(file), true);
  const second = probes.tryLock();
  assert.ok(second);
  assert.equal(freeForAnotherProcess(file), false);
  second.release();
});

test('a reusable lock whose file was deleted or replaced locks the file now at the path, the one other processes lock', (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'berth-lock-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'probes.lock');
  const probes = new ReusableFileLock(file);
  probes.tryLock()!.release();

  rmSync(file);
  const afterDelete = probes.tryLock();
  assert.ok(afterDelete);
  assert.equal(freeForAnotherProcess(file), false, 'the new file is the one held');
  afterDelete.release();

  writeFileSync(path.join(dir, 'other'), '');
  renameSync(path.join(dir, 'other'), file);
  const afterReplace = probes.tryLock();
  assert.ok(afterReplace);
  assert.equal(freeForAnotherProcess(file), false, 'the replacing file is the one held');
  afterReplace.release();
  assert.equal(freeForAnotherProcess(file), true);
});
