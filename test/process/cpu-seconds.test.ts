// CPU seconds of a real process from /proc, and refusal of a reused PID.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readCpuSeconds } from '../../src/process/cpu-seconds.js';
import { readStartTime } from '../../src/process/proc-stat.js';

test('a busy process accumulates CPU seconds; a gone or different process has none', async (t) => {
  // Burns 0.3 s of its own CPU (however long that takes on a busy machine), then idles until its stdin closes.
  const child = spawn(process.execPath, ['-e', 'process.stdin.on("end", () => process.exit(0)); process.stdin.resume(); while (process.cpuUsage().user < 300000) {} setInterval(() => {}, 1000);'], { stdio: ['pipe', 'ignore', 'ignore'] });
  t.after(() => child.kill('SIGKILL'));
  const pid = child.pid!;
  let startTime: string | undefined;
  let seconds: number | undefined;
  // Wait on the condition: the busy loop shows up as at least 0.2 s of CPU.
  for (let i = 0; i < 2_400 && !(seconds !== undefined && seconds >= 0.2); i++) {
    startTime ??= readStartTime(pid);
    seconds = readCpuSeconds(pid, startTime ?? null);
    await new Promise((r) => setTimeout(r, 25));
  }
  assert.ok(seconds !== undefined && seconds >= 0.2, `cpu seconds ${seconds}`);
  assert.equal(readCpuSeconds(pid, `${startTime}0`), undefined, 'another start time is another process');
  const exited = new Promise((r) => child.once('exit', r));
  child.stdin!.end();
  await exited;
  assert.equal(readCpuSeconds(pid, startTime!), undefined);
});
