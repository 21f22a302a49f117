import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { spawnProcess } from '../../src/process/spawn-process.js';
import { isGroupAlive, stopProcessGroup } from '../../src/process/stop-process-group.js';
import { readStartTime } from '../../src/process/proc-stat.js';
import { fixture, killGroupAfter, tempDir, until, holdEventLoop, logFds } from '../instance/helpers.js';

holdEventLoop();

const pendingTimers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

async function start(t: import('node:test').TestContext, args: string[]) {
  const dir = tempDir(t);
  const child = await spawnProcess({ script: process.execPath, args, cwd: dir, env: { ...process.env } as Record<string, string>, shell: false, ...logFds(t, path.join(dir, 'o'), path.join(dir, 'e')) });
  killGroupAfter(t, child.pid);
  return { child, dir };
}

/** The SIGTERM-ignoring app and its grandchild, once both have their handler in place. */
async function startIgnoringSigterm(t: import('node:test').TestContext) {
  const dir = tempDir(t);
  const pidFile = path.join(dir, 'grandchild.pid');
  const { child } = await start(t, [fixture('ignore-sigterm-with-child.mjs'), pidFile]);
  // The grandchild writes its pid once its SIGTERM handler is in place (its parent's came first).
  await until('grandchild pid', () => { try { return readFileSync(pidFile, 'utf8').length > 0; } catch { return false; } });
  const grandchild = Number(readFileSync(pidFile, 'utf8'));
  killGroupAfter(t, grandchild);
  return { child, grandchild, sigtermMarker: `${pidFile}.sigterm` };
}

test('a process that exits on SIGTERM stops without SIGKILL', async (t) => {
  const { child } = await start(t, [fixture('sleeper.mjs')]);
  const result = await stopProcessGroup({ pid: child.pid, signal: 'SIGTERM', timeoutMs: 2_000 });
  assert.deepEqual(result, { forced: false });
  assert.equal(isGroupAlive(child.pid), false);
});

test('ignoring SIGTERM escalates to SIGKILL after the timeout, and the grandchild dies too', async (t) => {
  const { child, grandchild, sigtermMarker } = await startIgnoringSigterm(t);
  const result = await stopProcessGroup({ pid: child.pid, signal: 'SIGTERM', timeoutMs: 1_000 });
  assert.ok(existsSync(sigtermMarker), 'the stop signal reached the app first');
  assert.deepEqual(result, { forced: true }, 'SIGKILL was needed');
  assert.equal(readStartTime(child.pid), undefined);
  assert.equal(readStartTime(grandchild), undefined, 'grandchild gone (or only a zombie awaiting its reaper)');
  assert.equal(isGroupAlive(child.pid), false);
});

test('aborting a stop cancels the SIGKILL timer', async (t) => {
  const { child } = await startIgnoringSigterm(t);
  const timersBefore = pendingTimers();
  const abort = new AbortController();
  const stopping = stopProcessGroup({ pid: child.pid, signal: 'SIGTERM', timeoutMs: 200, abortSignal: abort.signal });
  abort.abort();
  assert.deepEqual(await stopping, { forced: false });
  // Nothing is left that could send the SIGKILL later: no timer of the stop outlives it.
  assert.equal(pendingTimers(), timersBefore, 'the stop left no timer behind');
  assert.equal(isGroupAlive(child.pid), true, 'no SIGKILL was sent');
});

test('stopping a group that is already gone resolves at once', async () => {
  assert.deepEqual(await stopProcessGroup({ pid: 2 ** 22 + 3, signal: 'SIGTERM', timeoutMs: 1_000 }), { forced: false });
});
