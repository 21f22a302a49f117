// SPEC "One port for N instances": `socket: {}` (shared: false) with a range owns one
// socket per instance port. The port is never unbound while the app runs: during
// `berth restart` the socket keeps listening (no outgoing connection can take the port
// as its source port, no client is refused) and clients wait in its queue; requests
// sent while a crashed instance is down queue until it is back, none fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allOnline, BerthHarness, getJson } from '../helpers/berth-harness.js';
import { startClosedLoopLoad, type RequestSample } from '../helpers/closed-loop-load.js';
import { freePortRange } from '../helpers/free-ports.js';
import { failures, progress, recordedInode, socketApp } from '../helpers/socket-e2e.js';
import { findTcpSocket, socketInodeOf } from '../../src/socket/index.js';
import { FIXTURES } from '../socket/helpers.js';

test('shared: false on a range: one socket per instance port, kept listening through a restart and a crash; nothing queued is lost', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const base = await freePortRange(2);
  await berth.writeManifest('web.yaml', socketApp({ name: 'web', script: process.execPath, args: ['plain-http-server.mjs'], cwd: FIXTURES, instances: 2, port: base, socket: '{}' }).replace(`port: "${base}"`, `port: "${base}-${base + 1}"`));
  const before = await berth.waitFor(allOnline(2), '2 instances online');
  const inodes = [recordedInode(berth, 'web', base)!, recordedInode(berth, 'web', base + 1)!];
  assert.notEqual(inodes[0], inodes[1], 'one socket per port');
  for (const row of before) {
    assert.equal(socketInodeOf(row.pid!, 3), inodes[row.instance], `instance ${row.instance} holds its port's socket`);
    assert.equal((await getJson<{ pid: number }>(base + row.instance)).pid, row.pid);
  }

  // Watch both sockets while everything restarts: they must listen at every look.
  let unbound = 0;
  let looks = 0;
  const watcher = setInterval(() => {
    looks++;
    if (!inodes.every((inode) => findTcpSocket(inode)?.listening)) unbound++;
  }, 5);
  const load = startClosedLoopLoad({ port: base, clients: 8, thinkMs: 10 });
  let samples: RequestSample[] = [];
  try {
    await progress(load, 30);
    const restarted = await berth.cli(['restart', 'web']);
    assert.equal(restarted.code, 0, restarted.stderr);
    await berth.waitFor((rows) => allOnline(2)(rows) && rows.every((r, i) => r.pid !== before[i]!.pid), 'both restarted');
    await progress(load, 30);
  } finally {
    samples = await load.stop();
    clearInterval(watcher);
  }
  assert.equal(unbound, 0, `a socket stopped listening in ${unbound} of ${looks} looks`);
  assert.equal(samples.filter((s) => !s.ok).length, 0, failures(samples));

  // A crash: requests sent while the instance is dead wait in its socket's queue for the restart.
  const [crashed] = await berth.instances();
  process.kill(-crashed!.pid!, 'SIGKILL');
  const answers = await Promise.all(Array.from({ length: 8 }, () => getJson<{ pid: number }>(base, '/', 15_000)));
  assert.ok(answers.every((a) => a.pid !== crashed!.pid), 'answered by the restarted process');
  const after = await berth.waitFor((rows) => allOnline(2)(rows) && rows[0]!.pid !== crashed!.pid, 'instance 0 back');
  assert.equal(socketInodeOf(after[0]!.pid!, 3), inodes[0], 'the crash restart got the same socket');
  t.diagnostic(`${failures(samples)}; sockets listened at all ${looks} looks`);
});
