import { test } from 'node:test';
import assert from 'node:assert/strict';
import { firstFreeBlock, firstFreePorts, probeAll, type KnownFree } from '../../src/ports/find-free-ports.js';

/** Runs a search to the end, "probing" with `isFree` whenever it asks; returns the result and how many ports were probed. */
async function search<T>(run: (known: KnownFree) => ReturnType<typeof firstFreePorts> | ReturnType<typeof firstFreeBlock>, isFree: (port: number) => boolean) {
  const known = new Map<number, boolean>();
  for (;;) {
    const result = run((p) => known.get(p)) as { found: T } | { probe: number[] } | { exhausted: true; free: number };
    if (!('probe' in result)) return { result, probed: known.size };
    const answers = await probeAll(result.probe, async (p) => isFree(p));
    result.probe.forEach((p, i) => known.set(p, answers[i]!));
  }
}

test('firstFreePorts: the first free ports ascending, skipping taken and busy ones', async () => {
  const busy = new Set([5001, 5003, 5004]);
  const { result } = await search((known) => firstFreePorts({ start: 5000, end: 5010 }, 3, (p) => p === 5002, known, 4), (p) => !busy.has(p));
  assert.deepEqual(result, { found: [5000, 5005, 5006] });
  const short = await search((known) => firstFreePorts({ start: 5000, end: 5004 }, 5, () => false, known), (p) => !busy.has(p));
  assert.deepEqual(short.result, { exhausted: true, free: 2 });
  assert.deepEqual(firstFreePorts({ start: 1, end: 2 }, 0, () => false, () => undefined), { found: [] });
});

test('firstFreePorts asks for bounded batches, never for taken or known ports', () => {
  const ask = firstFreePorts({ start: 1, end: 100_000 }, 10, (p) => p % 2 === 0, (p) => (p < 100 ? false : undefined), 16);
  assert.ok('probe' in ask);
  assert.equal(ask.probe.length, 20, 'max(batch, 2 × needed)');
  assert.equal(ask.probe[0], 101);
  assert.ok(ask.probe.every((p) => p % 2 === 1));
});

test('firstFreeBlock is first fit: skips holes too small, taken and busy ports, and keeps the block inside the range', async () => {
  const taken = (p: number) => p === 20001 || p === 20004;
  const isFree = (p: number) => p !== 20007;
  const block = (end: number, size: number) => search((known) => firstFreeBlock({ start: 20000, end }, size, taken, known), isFree);
  // holes: 20000 (1), 20002-20003 (2), 20005-20006 (2), then 20008..
  assert.deepEqual((await block(20010, 3)).result, { found: 20008 });
  assert.deepEqual((await block(20010, 2)).result, { found: 20002 });
  assert.deepEqual((await block(20009, 3)).result, { exhausted: true, free: 0 });
  assert.deepEqual((await block(20010, 4)).result, { exhausted: true, free: 0 });
});

test('firstFreeBlock in a large empty pool probes one batch, not the pool', async () => {
  const { result, probed } = await search((known) => firstFreeBlock({ start: 20000, end: 45000 }, 3, () => false, known, 256), () => true);
  assert.deepEqual(result, { found: 20000 });
  assert.equal(probed, 256);
});

test('probeAll keeps input order and bounds concurrency', async () => {
  let inFlight = 0;
  let peak = 0;
  const results = await probeAll(Array.from({ length: 1000 }, (_, i) => i), async (p) => {
    peak = Math.max(peak, ++inFlight);
    await new Promise((r) => setTimeout(r, p % 3));
    inFlight--;
    return p % 2 === 0;
  }, 16);
  assert.ok(peak <= 16, `peak ${peak}`);
  assert.deepEqual(results.slice(0, 4), [true, false, true, false]);
  assert.equal(results.length, 1000);
});
