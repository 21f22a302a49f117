import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CronSyntaxError, nextCronTick, parseCronExpression } from '../../src/cron/cron-expression.js';

// Local times built with the Date constructor: the expectations hold in any host time zone.
const local = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0) => new Date(y, mo - 1, d, h, mi, s, ms).getTime();
const next = (expression: string, from: number, timeZone?: string) => nextCronTick(parseCronExpression(expression, { timeZone }), from);

test('5 fields: minute precision, seconds at 0, host time zone', () => {
  assert.equal(next('0 3 * * *', local(2026, 1, 15, 2, 59, 59)), local(2026, 1, 15, 3, 0, 0));
  assert.equal(next('0 3 * * *', local(2026, 1, 15, 3, 0, 0)), local(2026, 1, 16, 3, 0, 0), 'strictly after from');
  assert.equal(next('*/15 * * * *', local(2026, 1, 15, 10, 7, 30)), local(2026, 1, 15, 10, 15, 0));
  assert.equal(next('30 4 1 * *', local(2026, 1, 15)), local(2026, 2, 1, 4, 30));
});

test('6 fields: the first is seconds', () => {
  assert.equal(next('*/5 * * * * *', local(2026, 1, 15, 12, 0, 0, 300)), local(2026, 1, 15, 12, 0, 5));
  assert.equal(next('*/5 * * * * *', local(2026, 1, 15, 12, 0, 5)), local(2026, 1, 15, 12, 0, 10));
  assert.equal(next('30 0 3 * * *', local(2026, 1, 15, 3, 0, 29)), local(2026, 1, 15, 3, 0, 30));
  assert.equal(next('*/5 * * * * *', local(2026, 1, 15, 23, 59, 58)), local(2026, 1, 16, 0, 0, 0), 'rolls over the day');
});

test('day of week, ranges, lists, names and month ends', () => {
  // 2026-01-16 is a Friday
  assert.equal(next('0 9 * * MON-FRI', local(2026, 1, 16, 9, 0, 0)), local(2026, 1, 19, 9, 0));
  assert.equal(next('0 9 * * 0', local(2026, 1, 16)), local(2026, 1, 18, 9, 0), '0 is Sunday');
  assert.equal(next('0 9 * * 7', local(2026, 1, 16)), local(2026, 1, 18, 9, 0), '7 is Sunday too');
  assert.equal(next('0 0 1,15 * *', local(2026, 1, 2)), local(2026, 1, 15));
  assert.equal(next('0 0 31 * *', local(2026, 2, 1)), local(2026, 3, 31), 'February has no 31st');
  assert.equal(next('0 0 29 2 *', local(2026, 1, 1)), local(2028, 2, 29), 'the next leap day');
  assert.equal(next('@daily', local(2026, 1, 15, 13)), local(2026, 1, 16));
  assert.equal(next('@hourly', local(2026, 1, 15, 13, 20)), local(2026, 1, 15, 14));
});

test('whitespace is normalised', () => {
  assert.equal(parseCronExpression('  0\t3  * * *  ').text, '0 3 * * *');
});

test('bad expressions say what is wrong', () => {
  const reason = (expression: string) => {
    try {
      parseCronExpression(expression);
    } catch (err) {
      assert.ok(err instanceof CronSyntaxError);
      return err.message;
    }
    assert.fail(`${expression} was accepted`);
  };
  assert.equal(reason('0 3 * *'), 'invalid cron expression "0 3 * *": has 4 fields; expected 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first), e.g. "0 3 * * *"');
  assert.match(reason('0 0 3 * * * 2027'), /has 7 fields; expected 5 fields/);
  assert.match(reason(''), /has 0 fields/);
  assert.equal(reason('61 3 * * *'), 'invalid cron expression "61 3 * * *": invalid value for minute: 61');
  assert.match(reason('0 25 * * *'), /hour/);
  assert.match(reason('*/0 * * * *'), /illegal stepping/);
  assert.match(reason('0 0 30 2 *'), /never fires/);
  assert.match(reason('@reboot'), /unknown nickname; use one of @yearly/);
  assert.match(reason('every day'), /has 2 fields/);
});

test('DST: a host-zone fixed-time job in the spring-forward gap runs right after it, once a day', () => {
  // Europe/Berlin skips 02:00-03:00 on 2026-03-29: a 02:30 job runs at 03:00 local (01:00 UTC) that day.
  const berlin = 'Europe/Berlin';
  assert.equal(next('30 2 * * *', Date.UTC(2026, 2, 28, 12), berlin), Date.UTC(2026, 2, 29, 1, 0));
  assert.equal(next('30 2 * * *', Date.UTC(2026, 2, 29, 1, 0), berlin), Date.UTC(2026, 2, 30, 0, 30), 'back to 02:30 CEST the next day');
  // Falling back on 2026-10-25, 02:30 happens twice; a fixed-time job runs once.
  const first = next('30 2 * * *', Date.UTC(2026, 9, 24, 12), berlin)!;
  assert.equal(first, Date.UTC(2026, 9, 25, 0, 30));
  assert.equal(next('30 2 * * *', first, berlin), Date.UTC(2026, 9, 26, 1, 30));
});
