// mapWithLimit: bounded concurrency, results in input order, the first failure stops new work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mapWithLimit } from '../../src/util/map-with-limit.js';

const tick = () => new Promise((r) => setImmediate(r));

test('at most `limit` at once, results in input order', async () => {
  let running = 0;
  let most = 0;
  const results = await mapWithLimit([5, 1, 4, 2, 3, 0], 3, async (n, i) => {
    running++;
    most = Math.max(most, running);
    for (let k = 0; k < n; k++) await tick();
    running--;
    return `${i}:${n}`;
  });
  assert.deepEqual(results, ['0:5', '1:1', '2:4', '3:2', '4:3', '5:0']);
  assert.equal(most, 3);
  assert.deepEqual(await mapWithLimit([], 3, async () => 1), []);
});

test('the first failure starts nothing new, lets those in flight finish, then is thrown', async () => {
  const started: number[] = [];
  const finished: number[] = [];
  await assert.rejects(mapWithLimit([0, 1, 2, 3, 4, 5], 2, async (n) => {
    started.push(n);
    if (n === 1) throw new Error('EACCES');
    await tick();
    await tick();
    finished.push(n);
  }), /EACCES/);
  assert.ok(!started.includes(5), `started ${started.join(',')}`);
  assert.deepEqual(finished, started.filter((n) => n !== 1), 'every item started but the failed one finished before the throw');
});
