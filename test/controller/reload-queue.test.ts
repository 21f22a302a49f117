// ReloadQueue: one reload at a time; calls made while one waits join it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ReloadQueue, type ReloadOptions } from '../../src/controller/reload-queue.js';

/** A load that records its options and waits until released. */
function gatedLoad() {
  const runs: ReloadOptions[] = [];
  const releases: (() => void)[] = [];
  let running = 0;
  let maxRunning = 0;
  const load = async (options: ReloadOptions) => {
    runs.push({ ...options });
    running++;
    maxRunning = Math.max(maxRunning, running);
    await new Promise<void>((resolve) => releases.push(resolve));
    running--;
  };
  const releaseNext = async () => {
    while (releases.length === 0) await new Promise((r) => setImmediate(r));
    releases.shift()!();
  };
  return { load, runs, releaseNext, maxRunning: () => maxRunning };
}

/** Waits until `count` reloads have started. */
async function started(runs: unknown[], count: number): Promise<void> {
  while (runs.length < count) await new Promise((r) => setImmediate(r));
}

test('calls made before a reload starts share it', async () => {
  const { load, runs, releaseNext } = gatedLoad();
  const queue = new ReloadQueue(load);
  const calls = [queue.request(), queue.request(), queue.request({ graceMs: 0 })];
  await releaseNext();
  await Promise.all(calls);
  assert.deepEqual(runs, [{ graceMs: 0 }]);
});

test('calls made while a reload runs share one more reload, which starts after the first', async () => {
  const { load, runs, releaseNext, maxRunning } = gatedLoad();
  const queue = new ReloadQueue(load);
  const first = queue.request();
  await started(runs, 1);
  const joined = Array.from({ length: 30 }, () => queue.request());
  await new Promise((r) => setImmediate(r));
  assert.equal(runs.length, 1, 'the others wait for the running one');
  await releaseNext();
  await first;
  await releaseNext();
  await Promise.all(joined);
  assert.equal(runs.length, 2, '30 calls while one ran: one more reload, not 30');
  assert.equal(maxRunning(), 1);
  const late = queue.request();
  await releaseNext();
  await late;
  assert.equal(runs.length, 3, 'a call after the queue went idle reloads again');
});

test('the smallest vanish grace asked for by the joined calls wins', async () => {
  const { load, runs, releaseNext } = gatedLoad();
  const queue = new ReloadQueue(load);
  const first = queue.request();
  await started(runs, 1);
  const joined = [queue.request(), queue.request({ graceMs: 0 }), queue.request()];
  await releaseNext();
  await releaseNext();
  await Promise.all([first, ...joined]);
  assert.deepEqual(runs, [{}, { graceMs: 0 }]);
});

test('a failed reload rejects its callers and does not stop the next one; idle never rejects', async () => {
  let calls = 0;
  let fail!: () => void;
  const queue = new ReloadQueue(async () => {
    if (++calls === 1) await new Promise<void>((_, reject) => (fail = () => reject(new Error('ENOENT'))));
  });
  const failed = queue.request();
  while (calls === 0) await new Promise((r) => setImmediate(r));
  const next = queue.request();
  fail();
  await assert.rejects(failed, /ENOENT/);
  await next;
  await queue.idle();
  assert.equal(calls, 2);
});

test('a reload asked for one file reads it alone only while every call that joins it names the same file', async () => {
  const { load, runs, releaseNext } = gatedLoad();
  const queue = new ReloadQueue(load);
  const first = queue.request({ only: '/m/a.yaml' });
  await started(runs, 1);
  const sameFile = [queue.request({ only: '/m/b.yaml' }), queue.request({ only: '/m/b.yaml' })];
  await releaseNext();
  await started(runs, 2);
  const mixed = [queue.request({ only: '/m/a.yaml' }), queue.request({ only: '/m/b.yaml' })];
  await releaseNext();
  await started(runs, 3);
  const withFull = [queue.request({ only: '/m/a.yaml' }), queue.request()];
  await releaseNext();
  await started(runs, 4);
  await releaseNext();
  await Promise.all([first, ...sameFile, ...mixed, ...withFull]);
  assert.deepEqual(runs, [{ only: '/m/a.yaml' }, { only: '/m/b.yaml' }, {}, {}]);
});
