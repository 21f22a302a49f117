// CPU seconds of an instance's whole process group from /proc (children under `sh -c` count), and refusal of a reused PID.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { groupCpuSeconds } from '../../src/process/cpu-seconds.js';
import type { ProcStat } from '../../src/process/proc-stat.js';
import { readProcStat, readStartTime } from '../../src/process/proc-stat.js';
import { waitFor } from '../helpers/wait-for.js';

const stat = (pid: number, pgrp: number, cpuTicks: number, reapedChildTicks = 0, state = 'S'): ProcStat => ({ pid, pgrp, session: pgrp, ppid: 1, state, startTime: '1', cpuTicks, reapedChildTicks, rssPages: 1 });

test('a group counts every member and what they reaped; another start time, a zombie leader or a missing one count nothing', () => {
  const cpuOf = groupCpuSeconds([stat(10, 10, 100, 50), stat(11, 10, 200, 25), stat(20, 20, 7), stat(30, 30, 9, 0, 'Z'), stat(12, 99, 1000)]);
  assert.equal(cpuOf(10, '1'), 3.75);
  assert.equal(cpuOf(10, null), 3.75);
  assert.equal(cpuOf(20, '1'), 0.07);
  assert.equal(cpuOf(10, '2'), undefined, 'a reused PID');
  assert.equal(cpuOf(30, '1'), undefined, 'a zombie leader');
  assert.equal(cpuOf(12, '1'), undefined, 'not a group leader');
});

test('a busy child under `sh -c` counts in the instance\'s CPU seconds, although the shell itself is idle', async (t) => {
  // The child burns 0.3 s of its own CPU (however long that takes on a busy machine), then idles.
  const burn = 'while (process.cpuUsage().user < 300000) {} setInterval(() => {}, 1000);';
  // '; exit 0' keeps the shell from exec-ing node in its place: the leader stays the idle shell.
  const shell = spawn('/bin/sh', ['-c', `${JSON.stringify(process.execPath)} -e '${burn}'; exit 0`], { detached: true, stdio: 'ignore' });
  const pid = shell.pid!;
  t.after(() => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone
    }
  });
  await waitFor(() => readStartTime(pid) !== undefined, { what: 'the shell running' });
  const startTime = readStartTime(pid)!;
  await waitFor(() => (groupCpuSeconds()(pid, startTime) ?? 0) >= 0.2, { what: 'the child\'s CPU in the group total', timeoutMs: 60_000, pollMs: 50 });
  assert.ok(readProcStat(pid)!.cpuTicks < 20, 'the shell alone used next to nothing');
  assert.equal(groupCpuSeconds()(pid, `${startTime}0`), undefined, 'another start time is another process');
});
