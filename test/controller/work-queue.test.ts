import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WorkQueue } from '../../src/controller/work-queue.js';

const tick = () => new Promise((r) => setImmediate(r));

test('repeated adds collapse into one run', async () => {
  const runs: string[] = [];
  const queue = new WorkQueue({ worker: async (k) => { runs.push(k); } });
  queue.add('web');
  queue.add('web');
  queue.add('api');
  await queue.drain();
  assert.deepEqual(runs.sort(), ['api', 'web']);
});

test('a key is never processed twice at once; an add while processing runs once more after', async () => {
  let running = 0;
  let maxRunning = 0;
  let runs = 0;
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const queue = new WorkQueue({
    worker: async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      runs++;
      if (runs === 1) await gate;
      running--;
    },
  });
  queue.add('web');
  await tick();
  queue.add('web');
  queue.add('web');
  await tick();
  assert.equal(runs, 1);
  release();
  await queue.drain();
  assert.equal(runs, 2);
  assert.equal(maxRunning, 1);
});

test('different keys run concurrently up to the limit', async () => {
  let running = 0;
  let maxRunning = 0;
  const queue = new WorkQueue({
    concurrency: 2,
    worker: async () => {
      running++;
      maxRunning = Math.max(maxRunning, running);
      await tick();
      running--;
    },
  });
  for (const k of ['a', 'b', 'c', 'd']) queue.add(k);
  await queue.drain();
  assert.equal(maxRunning, 2);
});

test('failures retry with per-key exponential back-off, reset on success', async () => {
  const timers: { fn: () => void; ms: number }[] = [];
  const delays: number[] = [];
  let attempts = 0;
  const queue = new WorkQueue({
    baseDelayMs: 100,
    maxDelayMs: 350,
    setTimer: (fn, ms) => { timers.push({ fn, ms }); return {}; },
    clearTimer: () => {},
    onError: (_k, _e, ms) => delays.push(ms),
    worker: async () => {
      attempts++;
      if (attempts <= 4) throw new Error('port busy');
    },
  });
  queue.add('web');
  for (let i = 0; i < 4; i++) {
    await queue.drain();
    timers.shift()!.fn();
  }
  await queue.drain();
  assert.deepEqual(delays, [100, 200, 350, 350]);
  assert.equal(attempts, 5);
  assert.equal(timers.length, 0);
});

test('shutdown stops taking work and waits for the running key', async () => {
  const runs: string[] = [];
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const queue = new WorkQueue({ concurrency: 1, worker: async (k) => { await gate; runs.push(k); } });
  queue.add('a');
  queue.add('b');
  await tick();
  const done = queue.shutdown();
  release();
  await done;
  queue.add('c');
  await queue.drain();
  assert.deepEqual(runs, ['a']);
});
