import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { isProcessAlive } from '../../src/process/is-process-alive.js';

test('isProcessAlive: true for a running process, false once it has exited and been reaped', async () => {
  assert.equal(isProcessAlive(process.pid), true);
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  try {
    assert.equal(isProcessAlive(child.pid!), true);
  } finally {
    child.kill('SIGKILL');
  }
  await once(child, 'exit'); // node reaps the child before it emits 'exit'
  assert.equal(isProcessAlive(child.pid!), false);
});
