// InFlight: a shutdown waits for work under way to settle, whether it succeeds or fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InFlight } from '../../src/util/in-flight.js';

test('settled waits for every tracked promise, failed ones and ones tracked meanwhile too; the work is returned unchanged', async () => {
  const inFlight = new InFlight();
  const done: string[] = [];
  let failLater!: (err: Error) => void;
  const failing = inFlight.track(new Promise<void>((_, reject) => (failLater = reject)));
  failing.catch((err: Error) => done.push(`caught ${err.message}`));
  const value = inFlight.track(new Promise<number>((resolve) => setTimeout(() => resolve(42), 20)));
  setTimeout(() => {
    failLater(new Error('no'));
    void inFlight.track(new Promise<void>((resolve) => setTimeout(resolve, 30))).then(() => done.push('late'));
  }, 10);
  await inFlight.settled();
  assert.equal(await value, 42);
  assert.deepEqual(done, ['caught no', 'late']);
  await inFlight.settled(); // nothing left: at once
});
