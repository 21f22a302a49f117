import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inBursts } from '../../src/process/spawn-bursts.js';

/** A spawn that logs when it is called and answers per request. */
function recordingSpawn(log: string[]) {
  return async (name: string) => {
    log.push(`spawn ${name}`);
    if (name === 'bad') throw new Error('bad cannot start');
    return `pid-of-${name}`;
  };
}

test('spawns asked for in one turn run together at its end, in the order asked, each answered', async () => {
  const log: string[] = [];
  const runs: Array<() => void> = [];
  const spawn = inBursts(recordingSpawn(log), (run) => runs.push(run));
  const a = spawn('a');
  log.push('bookkeeping between a and b');
  const b = spawn('b');
  assert.deepEqual(log, ['bookkeeping between a and b'], 'nothing is spawned before the burst');
  assert.equal(runs.length, 1, 'one burst is scheduled for the turn');
  runs[0]!();
  assert.deepEqual(log.slice(1), ['spawn a', 'spawn b']);
  assert.equal(await a, 'pid-of-a');
  assert.equal(await b, 'pid-of-b');
});

test('a failed spawn rejects only its own caller; one asked for during a burst goes out with the next', async () => {
  const log: string[] = [];
  const spawn = inBursts(recordingSpawn(log));
  const results = await Promise.allSettled([spawn('bad'), spawn('good')]);
  assert.equal(results[0].status, 'rejected');
  assert.match(String((results[0] as PromiseRejectedResult).reason), /bad cannot start/);
  assert.deepEqual(results[1], { status: 'fulfilled', value: 'pid-of-good' });
  assert.equal(await spawn('later'), 'pid-of-later');
  assert.deepEqual(log, ['spawn bad', 'spawn good', 'spawn later']);
});

test('a spawn adapter that throws synchronously does not stop the rest of the burst', async () => {
  const spawn = inBursts((name: string) => {
    if (name === 'throws') throw new Error('thrown, not rejected');
    return Promise.resolve(name);
  });
  const [thrown, fine] = await Promise.allSettled([spawn('throws'), spawn('fine')]);
  assert.equal(thrown.status, 'rejected');
  assert.deepEqual(fine, { status: 'fulfilled', value: 'fine' });
});
