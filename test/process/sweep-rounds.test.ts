// Which targets a sweep tick reads: turns past maxReadsPerTick, a look for group members every few rounds, everyone at once on request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SweepRounds } from '../../src/process/sweep-rounds.js';

test('a pool that fits in a tick is read whole every tick; members are looked for every discoverEveryTicks ticks', () => {
  const rounds = new SweepRounds<number>(5, 3);
  const pool = new Set([1, 2, 3]);
  const ticks = Array.from({ length: 7 }, () => rounds.next(pool));
  assert.deepEqual(ticks.map((r) => r.targets), Array(7).fill([1, 2, 3]));
  assert.deepEqual(ticks.map((r) => r.discover), [true, false, false, true, false, false, true]);
});

test('past maxReadsPerTick the pool takes turns in its order, wrapping round; a look every discoverEveryTicks rounds', () => {
  const rounds = new SweepRounds<number>(2, 2);
  const pool = new Set([1, 2, 3, 4, 5]);
  const ticks = Array.from({ length: 7 }, () => rounds.next(pool));
  assert.deepEqual(ticks.map((r) => r.targets), [[1, 2], [3, 4], [5, 1], [2, 3], [4, 5], [1, 2], [3, 4]]);
  // rounds of 3 ticks: a look at ticks 0 and 6
  assert.deepEqual(ticks.map((r) => r.discover), [true, false, false, false, false, false, true]);
});

test('everyOne reads the whole pool at once and looks for members, whatever the turn', () => {
  const rounds = new SweepRounds<number>(2, 10);
  const pool = new Set([1, 2, 3, 4, 5]);
  rounds.next(pool);
  assert.deepEqual(rounds.next(pool, true), { targets: [1, 2, 3, 4, 5], discover: true });
  assert.deepEqual(rounds.next(pool).targets, [3, 4], 'the turns go on where they were');
});

test('an empty pool reads nothing', () => {
  const rounds = new SweepRounds<number>(2, 1);
  assert.deepEqual(rounds.next(new Set()).targets, []);
});
