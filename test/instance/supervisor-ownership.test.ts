// The Supervisor and what it owns: each spawn's marker is in the store before
// the process exists, in the process's environment, and forgotten once the
// process is gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { openStore } from '../../src/store/store.js';
import { realProcessRunner } from '../../src/process/real-process-runner.js';
import type { ProcessRunner } from '../../src/process/process-runner.js';
import { readMarker } from '../../src/process/marked-processes.js';
import { MARKER_VAR, markerHome, parseSpawnMarker } from '../../src/process/spawn-marker.js';
import { fixture, holdEventLoop } from './helpers.js';
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
