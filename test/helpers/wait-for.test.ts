import { test } from 'node:test';
import assert from 'node:assert/strict';
import { waitFor } from './wait-for.js';

test('waitFor resolves once the predicate holds, sync or async', async () => {
  let calls = 0;
  await waitFor(() => ++calls === 3, { pollMs: 1 });
  assert.equal(calls, 3);
  await waitFor(async () => true);
});

test('waitFor fails naming what it waited for', async () => {
  await assert.rejects(waitFor(() => false, { timeoutMs: 30, pollMs: 5, what: 'the pid file' }), /^Error: timed out after 30 ms waiting for the pid file$/);
});
