// The sweep reads /proc/<pid>/stat through descriptors it keeps: fresh
// numbers on every read, nothing once that process is gone, closed when no
// longer watched.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { HeldProcStats } from '../../src/process/held-proc-stat.js';

test('a held descriptor reads fresh numbers; a gone process reads undefined; retainOnly and close release descriptors', async (t) => {
  const stats = new HeldProcStats();
  t.after(() => stats.close());
  const before = stats.read(process.pid)!;
  assert.equal(before.pid, process.pid);
  const until = Date.now() + 300;
  while (Date.now() < until) Math.sqrt(Math.random()); // burn CPU so utime moves
  assert.ok(stats.read(process.pid)!.cpuTicks > before.cpuTicks, 'the second read through the same descriptor is not a cached copy');

  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  t.after(() => child.kill('SIGKILL'));
  await once(child, 'spawn');
  assert.equal(stats.read(child.pid!)?.pid, child.pid);
  assert.equal(stats.size, 2);
  child.kill('SIGKILL');
  await once(child, 'exit'); // reaped: the pid names no process any more
  assert.equal(stats.read(child.pid!), undefined);
  assert.equal(stats.size, 1, 'the gone process\'s descriptor was closed');

  stats.retainOnly(new Set());
  assert.equal(stats.size, 0);
  assert.equal(stats.read(2 ** 22 + 1), undefined);
});
