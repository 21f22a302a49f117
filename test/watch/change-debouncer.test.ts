import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createChangeDebouncer } from '../../src/watch/change-debouncer.js';
import { FakeTimers } from '../helpers/fake-timers.js';

test('a burst of changes is handed over once, after the quiet period, sorted and unique', () => {
  const timers = new FakeTimers();
  const flushes: string[][] = [];
  const debouncer = createChangeDebouncer({ delayMs: 500, onFlush: (files) => flushes.push(files), timers });
  debouncer.add('/b');
  timers.advance(400);
  debouncer.add('/a');
  timers.advance(400);
  debouncer.add('/b');
  timers.advance(499);
  assert.deepEqual(flushes, [], 'every change restarts the quiet period');
  timers.advance(1);
  assert.deepEqual(flushes, [['/a', '/b']]);
  debouncer.add('/c');
  timers.advance(500);
  assert.deepEqual(flushes, [['/a', '/b'], ['/c']]);
  assert.equal(timers.size, 0);
});

test('cancel drops what is pending', () => {
  const timers = new FakeTimers();
  const flushes: string[][] = [];
  const debouncer = createChangeDebouncer({ delayMs: 100, onFlush: (files) => flushes.push(files), timers });
  debouncer.add('/a');
  debouncer.cancel();
  timers.advance(1_000);
  assert.deepEqual(flushes, []);
  assert.equal(timers.size, 0);
});
