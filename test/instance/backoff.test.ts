import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countExit, isGivenUp, restartDelay, shouldRestart } from '../../src/instance/backoff.js';

const backoff = { initialMs: 1_000, maxMs: 300_000, resetAfterMs: 600_000 };

test('restartDelay: immediate, then 1 s doubling to the 5 min cap; restartDelayMs fixed', () => {
  assert.deepEqual([1, 2, 3, 4, 5, 10, 11, 2_000].map((n) => restartDelay(n, { backoff })), [0, 1_000, 2_000, 4_000, 8_000, 256_000, 300_000, 300_000]);
  assert.equal(restartDelay(1, { backoff, restartDelayMs: 250 }), 250);
  assert.equal(restartDelay(9, { backoff, restartDelayMs: 250 }), 250);
});

test('restartDelay: after the first restart of a row, never sooner than 100 ms, whatever the spec says', () => {
  assert.deepEqual([1, 2, 3, 50].map((n) => restartDelay(n, { backoff, restartDelayMs: 0 })), [0, 100, 100, 100]);
  assert.deepEqual([1, 2, 3].map((n) => restartDelay(n, { backoff, restartDelayMs: 1 })), [1, 100, 100]);
  assert.deepEqual([1, 2, 3, 4].map((n) => restartDelay(n, { backoff: { initialMs: 10, maxMs: 1_000, resetAfterMs: 60_000 } })), [0, 100, 100, 100]);
});

test('shouldRestart per policy', () => {
  const ok = { code: 0, signal: null };
  const failed = { code: 1, signal: null };
  const killed = { code: null, signal: 'SIGKILL' };
  assert.deepEqual([ok, failed, killed].map((e) => shouldRestart('Always', e)), [true, true, true]);
  assert.deepEqual([ok, failed, killed].map((e) => shouldRestart('OnFailure', e)), [false, true, true]);
  assert.deepEqual([ok, failed, killed].map((e) => shouldRestart('Never', e)), [false, false, false]);
});

test('countExit: long uptime resets the curve; exits before minUptime count as unstable', () => {
  const spec = { backoff, minUptimeMs: 1_000 };
  assert.deepEqual(countExit({ crashesInRow: 3, unstableExits: 2 }, 500, spec), { crashesInRow: 4, unstableExits: 3 });
  assert.deepEqual(countExit({ crashesInRow: 3, unstableExits: 2 }, 5_000, spec), { crashesInRow: 4, unstableExits: 0 });
  assert.deepEqual(countExit({ crashesInRow: 3, unstableExits: 2 }, 600_000, spec), { crashesInRow: 1, unstableExits: 0 });
  assert.equal(isGivenUp({ crashesInRow: 3, unstableExits: 3 }, { maxRestarts: 3 }), true);
  assert.equal(isGivenUp({ crashesInRow: 3, unstableExits: 2 }, { maxRestarts: 3 }), false);
  assert.equal(isGivenUp({ crashesInRow: 3, unstableExits: 9 }, {}), false);
});
