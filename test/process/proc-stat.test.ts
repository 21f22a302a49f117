import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSameProcess, parseProcStat, readProcStat, readStartTime } from '../../src/process/proc-stat.js';

test('parseProcStat counts fields after the last ")" so odd command names do not shift them', () => {
  // utime 7 and stime 5 (fields 14, 15), cutime 2 and cstime 1 (16, 17), start time 987654 (22), rss 10 pages (24)
  const text = '4242 (my (odd) app) S 1 4242 4242 0 -1 4194560 1 0 0 0 7 5 2 1 20 0 1 0 987654 1000 10 18446744073709551615\n';
  assert.deepEqual(parseProcStat(text), { pid: 4242, state: 'S', ppid: 1, pgrp: 4242, session: 4242, startTime: '987654', cpuTicks: 12, reapedChildTicks: 3, rssPages: 10 });
  assert.equal(parseProcStat('garbage'), undefined);
});

test('readProcStat reads this process; a pid that does not exist is undefined', () => {
  const self = readProcStat(process.pid)!;
  assert.equal(self.pid, process.pid);
  assert.equal(self.ppid, process.ppid);
  assert.match(self.startTime, /^\d+$/);
  assert.equal(readProcStat(2 ** 22 + 1), undefined);
  assert.equal(readStartTime(2 ** 22 + 1), undefined);
});

test('isSameProcess compares the start time: a reused PID is not the same process', () => {
  const startTime = readStartTime(process.pid)!;
  assert.equal(isSameProcess(process.pid, startTime), true);
  assert.equal(isSameProcess(process.pid, String(Number(startTime) + 1)), false);
});
