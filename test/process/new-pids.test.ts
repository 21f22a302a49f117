// Which pids can be new between two readings of the kernel's pid allocator, and the reading itself.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { isNewPid, newPidsBetween, type PidAllocatorState } from '../../src/process/new-pids.js';
import { readPidAllocator } from '../../src/process/pid-allocator.js';

const reading = (lastPid: number, forks: number, { tasks = 100, pidMax = 32_768 } = {}): PidAllocatorState => ({ lastPid, tasks, forks, pidMax });
const newOnes = (range: ReturnType<typeof newPidsBetween>, pids: number[]) => (range === 'any' ? 'any' : pids.filter((pid) => isNewPid(range, pid)));

test('the pids the cursor went past are new, the others are not', () => {
  assert.deepEqual(newOnes(newPidsBetween(reading(1000, 50), reading(1040, 90)), [999, 1000, 1001, 1040, 1041, 400]), [1001, 1040]);
});

test('past pid_max the cursor wraps: the end of the range and its start are new', () => {
  assert.deepEqual(newOnes(newPidsBetween(reading(32_700, 0), reading(320, 100)), [32_699, 32_700, 32_701, 32_767, 300, 320, 321]), [32_701, 32_767, 300, 320]);
});

test('a cursor that did not move: nothing is new (forks elsewhere, in other pid namespaces, do not count)', () => {
  assert.deepEqual(newOnes(newPidsBetween(reading(5000, 10), reading(5000, 60)), [4999, 5000, 5001]), []);
});

test('no earlier reading, another pid_max, counters that went back or read nothing: any pid may be new', () => {
  assert.equal(newPidsBetween(undefined, reading(10, 0)), 'any');
  assert.equal(newPidsBetween(reading(10, 0), reading(20, 5, { pidMax: 4_194_304 })), 'any');
  assert.equal(newPidsBetween(reading(10, 50), reading(20, 40)), 'any');
  assert.equal(newPidsBetween(reading(10, 0), reading(Number.NaN, 5)), 'any');
});

test('enough forks for the cursor to go all the way round: any pid may be new', () => {
  // 32768 − 300 pids a round; with 1000 tasks at most 3000 of them are taken: 4 × forks + 3000 ≥ 32468 needs 7367 forks
  const tasks = 1000;
  assert.notEqual(newPidsBetween(reading(1000, 0, { tasks }), reading(1100, 7366, { tasks })), 'any');
  assert.equal(newPidsBetween(reading(1000, 0, { tasks }), reading(1100, 7367, { tasks })), 'any');
  // a larger pid_max allows many more
  assert.notEqual(newPidsBetween(reading(1000, 0, { tasks, pidMax: 4_194_304 }), reading(1100, 500_000, { tasks, pidMax: 4_194_304 })), 'any');
});

test('this host\'s allocator: a process started between two readings has a pid the cursor went past', (t) => {
  const before = readPidAllocator();
  if (!before) return t.skip('/proc/loadavg, /proc/stat or pid_max unreadable, or /proc of another pid namespace: every look reads all');
  const child = spawnSync('true');
  const after = readPidAllocator()!;
  assert.ok(after.forks > before.forks && after.tasks > 0 && after.pidMax > 300);
  const range = newPidsBetween(before, after);
  if (range === 'any') return t.skip(`${before.tasks} tasks for pid_max ${before.pidMax}: every look reads all here`);
  assert.equal(isNewPid(range, child.pid!), true);
  assert.equal(isNewPid(range, process.pid), false);
});
