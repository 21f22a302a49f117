// The Supervisor and what it owns: each spawn's marker is in the store before
// the process exists, in the process's environment, and forgotten once the
// process is gone; what a process leaves behind is stopped with it
// (KillMode=control-group); maxMemory counts its whole group.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { readProcStat, readStartTime } from '../../src/process/proc-stat.js';
import type { openStore } from '../../src/store/store.js';
import { realProcessRunner } from '../../src/process/real-process-runner.js';
import type { ProcessRunner } from '../../src/process/process-runner.js';
import { readMarker } from '../../src/process/marked-processes.js';
import { MARKER_VAR, markerHome, parseSpawnMarker } from '../../src/process/spawn-marker.js';
import { fixture, holdEventLoop, until } from './helpers.js';
import { supervisorSetup } from './supervisor-harness.js';

holdEventLoop();

test('each spawn carries a marker naming the home and the instance, recorded before the spawn and forgotten after the stop', async (t) => {
  const seenAtSpawn: string[][] = [];
  let store: ReturnType<typeof openStore> | undefined;
  const runner: ProcessRunner = {
    ...realProcessRunner,
    spawn: (request) => {
      seenAtSpawn.push(store!.spawns.list().map((r) => r.marker).filter((m) => m === request.env[MARKER_VAR]));
      return realProcessRunner.spawn(request);
    },
  };
  const setup = supervisorSetup(t, { runner });
  store = setup.store;
  const handle = setup.supervisor.start(setup.config({ args: [fixture('sleeper.mjs')] }, { app: 'web', index: 2 }));
  await handle.waitReady({ timeoutMs: 5_000 });
  const pid = handle.snapshot().pid!;
  setup.pids.add(pid);

  const marker = readMarker(pid)!;
  assert.deepEqual(seenAtSpawn, [[marker]], 'the marker was in the store when the process was spawned');
  assert.deepEqual({ ...parseSpawnMarker(marker), nonce: undefined }, { nonce: undefined, app: 'web', index: 2, home: markerHome(setup.dir) });
  const [record] = store.spawns.list();
  assert.deepEqual([record?.marker, record?.pid, record?.startTime], [marker, pid, handle.processIdentity().startTime]);

  await handle.stop();
  assert.deepEqual(store.spawns.list(), [], 'a stopped process\'s marker matches nothing any more');
  assert.deepEqual(setup.errors, []);
});

/** A shell that leaves a child in its group and a setsid'd one outside it, recording their pids in `pidFile`. */
const leaveChildren = (pidFile: string, then: string) => ['-c', `sleep 1000 & echo $! >> ${pidFile}; setsid sleep 1000 & echo $! >> ${pidFile}; ${then}`];
const recordedPids = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').map(Number) : []);

test('what an exited main process leaves, in its group or setsid\'d out of it, is stopped before the restart: none leaks', async (t) => {
  const setup = supervisorSetup(t);
  const pidFile = path.join(setup.dir, 'children');
  t.after(() => recordedPids(pidFile).forEach((pid) => killQuietly(pid)));
  const handle = setup.track(setup.supervisor.start(setup.config({
    script: 'sh', args: leaveChildren(pidFile, 'exit 1'), maxRestarts: 3, minUptimeMs: 60_000, backoff: { initialMs: 20, maxMs: 40, resetAfterMs: 60_000 },
  })));
  await until('errored after maxRestarts', () => handle.snapshot().status === 'errored', 20_000);
  const pids = recordedPids(pidFile);
  assert.ok(pids.length >= 6, `children of every run recorded: ${pids.length}`);
  assert.deepEqual(pids.filter((pid) => readStartTime(pid) !== undefined), [], 'no leftover child survives its instance\'s exit');
  assert.deepEqual(setup.store.spawns.list(), []);
});

test('removing an instance stops its grandchildren too, those that left the group included', async (t) => {
  const setup = supervisorSetup(t);
  const pidFile = path.join(setup.dir, 'children');
  t.after(() => recordedPids(pidFile).forEach((pid) => killQuietly(pid)));
  const handle = setup.track(setup.supervisor.start(setup.config({ script: 'sh', args: leaveChildren(pidFile, 'wait') })));
  await until('both children started', () => recordedPids(pidFile).length === 2 && handle.snapshot().status === 'online');
  const [inGroup, escaped] = recordedPids(pidFile);
  await until('the escaped one left the group', () => readProcStat(escaped!)?.pgrp === escaped);
  await setup.supervisor.remove('app', 0);
  assert.equal(readStartTime(inGroup!), undefined);
  assert.equal(readStartTime(escaped!), undefined);
});

test('maxMemory counts the whole group: a 300 MB child under sh -c with maxMemory 150M is restarted', async (t) => {
  const setup = supervisorSetup(t);
  const handle = setup.track(setup.supervisor.start(setup.config({
    script: 'sh', args: ['-c', `${process.execPath} ${fixture('memory-hog.mjs')} 300; echo done`], maxMemoryBytes: 150 * 1024 * 1024, backoff: { initialMs: 50, maxMs: 100, resetAfterMs: 60_000 },
  })));
  await until('restarted for memory', () => setup.store.events.list('app', 50).some((e) => e.reason === 'MemoryLimit'), 30_000);
  const event = setup.store.events.list('app', 50).find((e) => e.reason === 'MemoryLimit')!;
  assert.match(event.message, /memory/i);
  await until('counted as a restart', () => handle.snapshot().restarts >= 1);
});

function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone
  }
}

test('a controller detaching while an instance is being spawned forks nothing for it; once detached, its marker is forgotten', async (t) => {
  let spawned = 0;
  const runner: ProcessRunner = {
    ...realProcessRunner,
    spawn: (request) => {
      spawned++;
      return realProcessRunner.spawn(request);
    },
  };
  const setup = supervisorSetup(t, { runner });
  setup.track(setup.supervisor.start(setup.config({ args: [fixture('sleeper.mjs')] })));
  // The spawn has begun: its log files are being opened through libuv's pool.
  await setup.supervisor.detachAll();
  assert.equal(spawned, 0, 'no process forked after the detach');
  assert.deepEqual(setup.store.spawns.list(), [], 'its marker forgotten');
  assert.deepEqual(setup.errors, []);
});

test('a spawn that hangs (a hung mount, a stuck fork) does not hold a detach: it resolves within its bound', { timeout: 20_000 }, async (t) => {
  let called = false;
  const runner: ProcessRunner = {
    ...realProcessRunner,
    spawn: () => {
      called = true;
      return new Promise(() => {}); // never settles
    },
  };
  const setup = supervisorSetup(t, { runner });
  setup.supervisor.start(setup.config({ args: [fixture('sleeper.mjs')] }));
  await until('the spawn under way', () => called, 5_000);
  const before = Date.now();
  await setup.supervisor.detachAll();
  assert.ok(Date.now() - before >= 4_000, 'it waited for the spawn first');
});
