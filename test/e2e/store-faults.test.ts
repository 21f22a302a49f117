// SPEC "Faults": disk full and I/O errors of the store never crash the
// controller: it keeps supervising, retries, and reports the failure; the
// store comes out of it sound (integrity_check ok).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
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
