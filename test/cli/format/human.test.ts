import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAge, formatUptime } from '../../../src/cli/format/human.js';

test('formatUptime: seconds, minutes, hours up to two days, then days', () => {
  assert.deepEqual([5_000, 93_000, 3_600_000, 47 * 3_600_000, 49 * 3_600_000].map(formatUptime), ['5s', '1m', '1h', '47h', '2d']);
  assert.equal(formatUptime(null), '-');
  assert.equal(formatUptime(-1), '-');
});

test('formatAge: how long ago an ISO time or epoch ms was, on the same scale; a future time is 0s', () => {
  const now = Date.parse('2026-11-24T10:01:33Z');
  assert.equal(formatAge('2026-11-24T10:00:00Z', now), '1m');
  assert.equal(formatAge(now - 5_000, now), '5s');
  assert.equal(formatAge('2026-11-20T10:00:00Z', now), '4d');
  assert.equal(formatAge(now + 2_000, now), '0s');
});
