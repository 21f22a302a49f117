import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnProcess } from '../../src/process/spawn-process.js';
import { readProcStat } from '../../src/process/proc-stat.js';
import { BerthError } from '../../src/errors.js';
import { fixture, killGroupAfter, tempDir, until, holdEventLoop, logFds } from '../instance/helpers.js';

holdEventLoop();

test('spawns without a shell, detached in its own group, logs written by the child to files, start time recorded', async (t) => {
  const dir = tempDir(t);
  const out = path.join(dir, 'logs', 'web-0.out.log');
  const err = path.join(dir, 'logs', 'web-0.err.log');
  const child = await spawnProcess({
    script: process.execPath, args: [fixture('sleeper.mjs'), 'tok $HOME;'], cwd: dir,
    env: { ...process.env, PORT: '1234', FROM_CONFIG: 'yes' } as Record<string, string>, shell: false, ...logFds(t, out, err) });
  killGroupAfter(t, child.pid);
  const stat = readProcStat(child.pid)!;
  assert.equal(stat.pgrp, child.pid, 'group leader of its own group');
  assert.notEqual(stat.pgrp, readProcStat(process.pid)!.pgrp);
  assert.equal(child.startTime, stat.startTime);
  await until('log line', () => readFileSync(out, 'utf8').includes('sleeper'));
  // No shell: "$HOME;" reaches the program verbatim.
  assert.match(readFileSync(out, 'utf8'), /sleeper tok \$HOME; pid \d+ PORT=1234 FROM_CONFIG=yes/);
  const exited = new Promise((resolve) => child.onExit(resolve));
  process.kill(-child.pid, 'SIGTERM');
  assert.deepEqual(await exited, { code: null, signal: 'SIGTERM' });
});

test('shell: true runs script as the command of /bin/sh -c', async (t) => {
  const dir = tempDir(t);
  const out = path.join(dir, 'out.log');
  const child = await spawnProcess({ script: 'echo $((40 + 2))', args: [], cwd: dir, env: { PATH: process.env.PATH! }, shell: true, ...logFds(t, out, out) });
  killGroupAfter(t, child.pid);
  const exit = await new Promise((resolve) => child.onExit(resolve));
  assert.deepEqual(exit, { code: 0, signal: null });
  assert.equal(readFileSync(out, 'utf8'), '42\n');
});

test('shell: true passes each args element as one quoted word, never as shell code', async (t) => {
  const dir = tempDir(t);
  const out = path.join(dir, 'out.log');
  const child = await spawnProcess({ script: 'printf', args: ['[%s]\\n', 'a b', 'c;d', '$(id)'], cwd: dir, env: { PATH: process.env.PATH! }, shell: true, ...logFds(t, out) });
  killGroupAfter(t, child.pid);
  assert.deepEqual(await new Promise((resolve) => child.onExit(resolve)), { code: 0, signal: null });
  assert.equal(readFileSync(out, 'utf8'), '[a b]\n[c;d]\n[$(id)]\n');
});

test('a script that does not exist is a SPAWN_FAILED BerthError naming it, not an unhandled error', async (t) => {
  const dir = tempDir(t);
  await assert.rejects(
    spawnProcess({ script: 'no-such-program-berth', args: [], cwd: dir, env: { PATH: '/usr/bin:/bin' }, shell: false, ...logFds(t, path.join(dir, 'o'), path.join(dir, 'e')) }),
    (err: unknown) => err instanceof BerthError && err.code === 'SPAWN_FAILED' && /Cannot start 'no-such-program-berth': 'no-such-program-berth' was not found/.test(err.message),
  );
  await assert.rejects(
    spawnProcess({ script: process.execPath, args: [], cwd: path.join(dir, 'missing'), env: {}, shell: false, ...logFds(t, path.join(dir, 'o'), path.join(dir, 'e')) }),
    /working directory .*missing does not exist/,
  );
});

test('onExit after the child already exited still reports the exit', async (t) => {
  const dir = tempDir(t);
  const child = await spawnProcess({ script: process.execPath, args: [fixture('crash-after.mjs'), '0', '3'], cwd: dir, env: {}, shell: false, ...logFds(t, path.join(dir, 'o'), path.join(dir, 'e')) });
  killGroupAfter(t, child.pid);
  // Gone from /proc means reaped, and node emits the child's 'exit' in the same step as the reap.
  await until('the child exited', () => readProcStat(child.pid) === undefined);
  assert.deepEqual(await new Promise((resolve) => child.onExit(resolve)), { code: 3, signal: null });
});
