// SPEC "One port for N instances": 4 instances of an unmodified Node app on one
// shared socket answer from more than one PID; the controller is SIGKILLed in the
// middle of a reload (while a replacement runs beside an old process), the
// instances keep serving, a new controller takes the very same socket back from a
// running instance (pidfd_getfd), and a further reload loses nothing either.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { allOnline, BerthHarness } from '../helpers/berth-harness.js';
import { startClosedLoopLoad, type RequestSample } from '../helpers/closed-loop-load.js';
import { freePort } from '../helpers/free-ports.js';
import { assertControllerNeverAccepts, failures, progress, recordedInode, socketApp, waitForInfo } from '../helpers/socket-e2e.js';
import { waitFor } from '../helpers/wait-for.js';
import { socketInodeOf } from '../../src/socket/index.js';
import { FIXTURES } from '../socket/helpers.js';

/** The processes a controller spawned that still run (its children, every thread's). */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) => readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
  } catch {
    return [];
  }
}

test('4 instances on one socket: several PIDs answer; kill -9 the controller mid-reload, a new one takes the same socket back, reload again: 0 failed', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const port = await freePort();
  await berth.writeManifest('web.yaml', socketApp({ name: 'web', script: process.execPath, args: ['plain-http-server.mjs'], cwd: FIXTURES, instances: 4, port }));
  const started = await berth.waitFor(allOnline(4), '4 instances online');
  const inode = recordedInode(berth, 'web', port)!;
  assert.ok(inode);

  const load = startClosedLoopLoad({ port, clients: 8, thinkMs: 10 });
  let samples: RequestSample[] = [];
  let reloadsFrom = Infinity;
  try {
    await progress(load, 200);
    reloadsFrom = performance.now();
    const first = berth.controller!.pid!;
    const reloading = berth.cli(['reload', 'web']);
    await waitFor(() => childrenOf(first).length > 4, { what: 'a replacement running beside the old processes', timeoutMs: 30_000, pollMs: 5 });
    await berth.killController('SIGKILL');
    const interrupted = await reloading; // its connection to the dead controller broke
    t.diagnostic(`reload cut short: exit ${interrupted.code}, ${interrupted.stderr.trim()}`);
    await progress(load, 50); // no controller: the instances serve on

    await berth.up();
    // The new controller's first reconcile takes the socket back from a running instance.
    const info = await waitForInfo(berth, 'web', new RegExp(`SocketAdopted .*socket:\\[${inode}\\] on port ${port} taken back from pid \\d+`), 'the SocketAdopted event');
    assert.match(info, new RegExp(`SocketOwned +True +Held .*port ${port}: socket:\\[${inode}\\]`), info);
    const adopted = await berth.waitFor(allOnline(4), '4 instances online under the new controller');
    assertControllerNeverAccepts(berth, inode);
    for (const row of adopted) assert.equal(socketInodeOf(row.pid!, 3), inode, `instance ${row.instance} runs on the original socket`);

    const reloaded = await berth.cli(['reload', 'web']);
    assert.equal(reloaded.code, 0, reloaded.stderr);
    const after = await berth.instances();
    for (const row of after) {
      assert.ok(!adopted.some((a) => a.pid === row.pid), `instance ${row.instance} was replaced`);
      assert.equal(socketInodeOf(row.pid!, 3), inode, `instance ${row.instance} got the same socket`);
    }
    await progress(load, 50);
  } finally {
    samples = await load.stop();
  }
  assert.equal(samples.filter((s) => !s.ok).length, 0, failures(samples));
  const beforeReload = new Set(samples.filter((s) => s.end < reloadsFrom).map((s) => s.pid));
  assert.ok(beforeReload.size >= 2, `distinct PIDs answered from 4 instances: ${beforeReload.size}`);
  for (const pid of beforeReload) assert.ok(started.some((row) => row.pid === pid), 'only instances answer');
  assert.equal(recordedInode(berth, 'web', port), inode, 'the same socket throughout');
  t.diagnostic(`${samples.length} requests, ${failures(samples)}; ${beforeReload.size} of 4 PIDs answered before the reloads; socket:[${inode}] throughout`);
});
