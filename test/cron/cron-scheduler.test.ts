import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseCronExpression } from '../../src/cron/cron-expression.js';
import { MAX_TIMER_MS, scheduleCron } from '../../src/cron/cron-scheduler.js';
import { FakeTimers } from '../helpers/fake-timers.js';

const start = new Date(2026, 0, 15, 12, 0, 0, 300).getTime();

test('calls back at each tick of a seconds schedule, with the tick time', () => {
  const timers = new FakeTimers(start);
  const ticks: number[] = [];
  const schedule = scheduleCron({ expression: parseCronExpression('*/5 * * * * *'), onTick: (at) => void ticks.push(at), timers });
  assert.equal(schedule.nextTickAt(), start - 300 + 5_000);
  timers.advance(4_699);
  assert.deepEqual(ticks, []);
  timers.advance(1);
  assert.deepEqual(ticks, [start - 300 + 5_000]);
  timers.advance(15_000);
  assert.deepEqual(ticks.map((t) => (t - start + 300) / 1000), [5, 10, 15, 20]);
  schedule.stop();
  timers.advance(60_000);
  assert.equal(ticks.length, 4, 'no tick after stop');
  assert.equal(timers.size, 0, 'stop leaves no timer behind');
  assert.equal(schedule.nextTickAt(), undefined);
});

test('a far tick is reached through timers of at most a minute', () => {
  const timers = new FakeTimers(start);
  const ticks: number[] = [];
  scheduleCron({ expression: parseCronExpression('0 3 * * *'), onTick: (at) => void ticks.push(at), timers });
  const due = new Date(2026, 0, 16, 3, 0, 0).getTime();
  let wakeups = 0;
  while (timers.now() < due - 1) {
    timers.advance(MAX_TIMER_MS);
    wakeups++;
  }
  timers.advance(1);
  assert.deepEqual(ticks, [due]);
  assert.ok(wakeups >= (due - start) / MAX_TIMER_MS - 1);
});

test('ticks missed while the host slept fire once on wake', () => {
  const timers = new FakeTimers(start);
  const ticks: number[] = [];
  scheduleCron({ expression: parseCronExpression('* * * * *'), onTick: (at) => void ticks.push(at), timers });
  timers.jump(10 * 60_000); // ten minute ticks pass with no timer firing
  timers.advance(0);
  assert.equal(ticks.length, 1);
  timers.advance(60_000);
  assert.equal(ticks.length, 2, 'then on schedule again');
  assert.equal(ticks[1]! - ticks[0]! >= 60_000, true);
});

test('a tick while the previous onTick promise is pending is skipped, then the schedule goes on', async () => {
  const timers = new FakeTimers(start);
  const ticks: number[] = [];
  const skipped: number[] = [];
  let finish = () => {};
  scheduleCron({
    expression: parseCronExpression('*/5 * * * * *'),
    onTick: (at) => {
      ticks.push(at);
      return new Promise<void>((resolve) => (finish = resolve));
    },
    onSkip: (at) => void skipped.push(at),
    timers,
  });
  timers.advance(10_000);
  assert.equal(ticks.length, 1);
  assert.equal(skipped.length, 1);
  finish();
  await Promise.resolve();
  timers.advance(5_000);
  assert.equal(ticks.length, 2);
});

test('an onTick that throws is reported and the schedule goes on', () => {
  const timers = new FakeTimers(start);
  const errors: unknown[] = [];
  let calls = 0;
  scheduleCron({
    expression: parseCronExpression('*/5 * * * * *'),
    onTick: () => {
      calls++;
      throw new Error('boom');
    },
    onError: (err) => void errors.push(err),
    timers,
  });
  timers.advance(10_000);
  assert.equal(calls, 2);
  assert.equal(errors.length, 2);
});

test('stop from inside onTick ends the schedule', () => {
  const timers = new FakeTimers(start);
  let calls = 0;
  const schedule = scheduleCron({ expression: parseCronExpression('*/5 * * * * *'), onTick: () => (calls++, schedule.stop()), timers });
  timers.advance(30_000);
  assert.equal(calls, 1);
  assert.equal(timers.size, 0);
});
