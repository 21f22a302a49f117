// SPEC "Faults": disk full and I/O errors of the store never crash the
// controller: it keeps supervising, retries, and reports the failure; the
// store comes out of it sound (integrity_check ok).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { existsSync, rmSync } from 'node:fs';
import { freePortRange } from '../helpers/free-ports.js';
import Database from 'better-sqlite3';
import { BerthHarness, sleeperApp } from '../helpers/berth-harness.js';
import { mountSmallDisk } from '../helpers/small-disk.js';
import { waitFor } from '../helpers/wait-for.js';
import { isProcessAlive } from '../../src/process/is-process-alive.js';

test('a full disk under the store: the controller keeps supervising, says so, and catches up when space returns', async (t) => {
  const berth = await BerthHarness.create();
  const disk = mountSmallDisk(berth.home, '4m');
  if (typeof disk === 'string') {
    await berth.cleanup();
    t.skip(disk);
    return;
  }
  t.after(async () => {
    await berth.cli(['down']);
    disk.unmount();
    await berth.cleanup();
  });
  await berth.up();
  await berth.writeManifest('keep.yaml', sleeperApp('keep', 'restartBackoff: {initial: 100ms, max: 200ms}'));
  const [keep] = await berth.waitFor((r) => r.some((i) => i.app === 'keep' && i.status === 'online'), 'keep online');

  disk.fill();
  process.kill(keep!.pid!, 'SIGKILL'); // a crash to supervise while nothing can be written
  await berth.writeManifest('late.yaml', sleeperApp('late', 'restartBackoff: {initial: 100ms, max: 200ms}')); // a change to reconcile
  let info = await berth.cli(['info', 'keep']);
  for (let i = 0; i < 100 && !/^Store: /m.test(info.stdout); i++) info = await berth.cli(['info', 'keep']);
  assert.match(info.stdout, /^Store: +cannot write state\.db for .*: database or disk is full \(\d+ failed writes?; supervision goes on, retrying\)$/m);
  const list = await berth.instances();
  const restarted = list.find((r) => r.app === 'keep');
  assert.notEqual(restarted?.pid, keep!.pid, 'the crashed instance was restarted meanwhile');
  assert.ok(restarted?.pid && isProcessAlive(restarted.pid));
  assert.equal(berth.controller?.exitCode, null, 'the controller is alive');

  disk.free();
  const rows = await berth.waitFor((r) => r.some((i) => i.app === 'late' && i.status === 'online') && r.some((i) => i.app === 'keep' && i.restarts >= 1), 'caught up', 15_000);
  assert.equal(rows.find((r) => r.app === 'keep')?.pid, restarted!.pid);
  const infoJson = async () => JSON.parse((await berth.cli(['info', 'keep', '-o', 'json'])).stdout) as { events: { reason: string }[]; storeFault?: unknown };
  await waitFor(async () => (await infoJson()).storeFault === undefined, { what: 'the store fault cleared', timeoutMs: 10_000, pollMs: 200 });
  assert.ok((await infoJson()).events.some((e) => e.reason === 'StoreWriteFailed'));
  const db = new Database(path.join(berth.home, 'state.db'), { readonly: true });
  t.after(() => db.close());
  assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
});

test('state.db deleted under a running controller: noticed, rewritten from its state; no port handed out twice, no app restarted', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const base = await freePortRange(10);
  const pool = `${base}-${base + 9}`;
  await berth.up(['--port-pool', pool]);
  await berth.writeManifest('bg.yaml', sleeperApp('bg', 'ports: {tcp: 2}'));
  const [bg] = await berth.waitFor((r) => r.some((i) => i.app === 'bg' && i.pid !== null && i.ports.tcp.length === 2), 'bg holds 2 pool ports');

  const file = path.join(berth.home, 'state.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  await waitFor(() => existsSync(file), { what: 'state.db written back' });
  const intruder = await berth.cli(['ports', 'allocate', '2', 'intruder', 'tcp', '--port-pool', pool]);
  assert.equal(intruder.code, 0, intruder.stderr);
  const given = intruder.stdout.trim();
  assert.notEqual(given, `${bg!.ports.tcp[0]}-${bg!.ports.tcp[1]}`, 'the app\'s ports are not handed out again');
  const info = JSON.parse((await berth.cli(['info', 'bg', '-o', 'json'])).stdout) as { events: { reason: string; message: string }[] };
  assert.match(info.events.find((e) => e.reason === 'StoreRewritten')?.message ?? '', /state\.db was deleted under the running controller; rewritten from its state/);

  await berth.killController('SIGTERM');
  await berth.up(['--port-pool', pool]);
  const [after] = await berth.waitFor((r) => r.some((i) => i.app === 'bg' && i.pid !== null), 'bg adopted');
  assert.deepEqual([after!.pid, after!.ports.tcp], [bg!.pid, bg!.ports.tcp], 'adopted, same process, same ports');
});
