import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitForSignal } from '../../src/cli/wait-for-signal.js';
import { holdEventLoop } from '../instance/helpers.js';

// Signal listeners do not keep the event loop alive (the commands' own work does).
holdEventLoop();

test('waitForSignal resolves with the signal the process receives and removes its listeners', async () => {
  const before = { SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') };
  const waiting = waitForSignal();
  assert.equal(process.listenerCount('SIGTERM'), before.SIGTERM + 1, 'listening before it returns, so no signal is missed');
  process.kill(process.pid, 'SIGTERM'); // a real signal: the listener keeps the test process alive
  assert.equal(await waiting, 'SIGTERM');
  assert.deepEqual({ SIGINT: process.listenerCount('SIGINT'), SIGTERM: process.listenerCount('SIGTERM') }, before);
});

test('waitForSignal waits for the signals it is given only', async () => {
  const waiting = waitForSignal(['SIGUSR2']);
  process.kill(process.pid, 'SIGUSR2');
  assert.equal(await waiting, 'SIGUSR2');
  assert.equal(process.listenerCount('SIGUSR2'), 0);
});
