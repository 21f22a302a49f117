import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findFirstFree, findFreeBlock } from '../../src/ports/find-free-ports.js';

const range = (start: number, end: number) => Array.from({ length: end - start + 1 }, (_, i) => start + i);

test('findFirstFree returns the first free ports in ascending order, whatever order probes finish in', async () => {
  const busy = new Set([5001, 5003, 5004]);
  const isFree = async (port: number) => {
    await new Promise((r) => setTimeout(r, (5010 - port) % 4)); // later ports answer sooner
    return !busy.has(port);
  };
  assert.deepEqual(await findFirstFree(range(5000, 5010), 3, isFree, 4), [5000, 5002, 5005]);
  assert.deepEqual(await findFirstFree(range(5000, 5004), 5, isFree, 2), [5000, 5002]);
  assert.deepEqual(await findFirstFree(range(5000, 5004), 0, isFree), []);
});

test('findFirstFree stops launching probes once it has the answer and bounds concurrency', async () => {
  let inFlight = 0;
  let peak = 0;
  let probes = 0;
  const isFree = async () => {
    probes++;
    peak = Math.max(peak, ++inFlight);
    await new Promise((r) => setImmediate(r));
    inFlight--;
    return true;
  };
  assert.deepEqual(await findFirstFree(range(1, 10_000), 10, isFree, 16), range(1, 10));
  assert.ok(peak <= 16, `peak ${peak}`);
  assert.ok(probes < 100, `probes ${probes}`);
});

test('findFreeBlock is first fit: skips holes too small, taken and busy ports, and keeps the block inside the range', async () => {
  const taken = new Set([20001, 20004]);
  const busy = new Set([20007]);
  const isFree = async (port: number) => !busy.has(port);
  // 20000 | 20002-20003 | 20005-20006 are holes of 1, 2, 2; 20008.. is the first run of 3
  assert.equal(await findFreeBlock({ start: 20000, end: 20010 }, 3, (p) => taken.has(p), isFree), 20008);
  assert.equal(await findFreeBlock({ start: 20000, end: 20010 }, 2, (p) => taken.has(p), isFree), 20002);
  assert.equal(await findFreeBlock({ start: 20000, end: 20009 }, 3, (p) => taken.has(p), isFree), undefined);
  assert.equal(await findFreeBlock({ start: 20000, end: 20010 }, 4, (p) => taken.has(p), isFree), undefined);
});

test('findFreeBlock finds a run that spans probe windows', async () => {
  // size 10, concurrency 8 → windows of 20 ports: 20000-20019, 20020-20039
  const isFree = async (port: number) => port !== 20009 && port !== 20012;
  assert.equal(await findFreeBlock({ start: 20000, end: 20100 }, 10, () => false, isFree, 8), 20013);
});
