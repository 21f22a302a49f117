/**
 * The zero-loss scenario through the real CLI, shared by the Node and the
 * Python test files (run in parallel): one instance of an app on berth's
 * socket, 8 closed-loop clients, 10 `berth reload`s StartFirst, then the
 * manifest switched to StopFirst (itself a hand-over) and 10 more. No
 * request may fail, every generation answers, the socket inode never
 * changes, and the controller holds it but never accepts.
 */
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { allOnline, BerthHarness } from './berth-harness.js';
import { startClosedLoopLoad, type RequestSample } from './closed-loop-load.js';
import { freePort } from './free-ports.js';
import { failures, progress, recordedInode, reloadUnderLoad, socketApp, type SocketAppOptions } from './socket-e2e.js';

const RELOADS = 10;
const CLIENTS = 8;
/** Each client pauses between requests: the test shares 2 cores with the controller, the apps and other test files. */
const THINK_MS = 10;

export async function zeroLossReloads(t: TestContext, app: Omit<SocketAppOptions, 'name' | 'port'>): Promise<void> {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const port = await freePort();
  const manifest = (order: string) => socketApp({ ...app, name: 'web', port, extra: [`reloadOrder: ${order}`] });
  await berth.writeManifest('web.yaml', manifest('StartFirst'));
  const [first] = await berth.waitFor(allOnline(1), 'web online');
  const inode = recordedInode(berth, 'web', port);
  assert.ok(inode, 'berth recorded the socket it opened');

  const load = startClosedLoopLoad({ port, clients: CLIENTS, thinkMs: THINK_MS });
  let samples: RequestSample[] = [];
  let lastPids: number[] = [];
  try {
    await progress(load, 20);
    lastPids = await reloadUnderLoad(berth, load, { app: 'web', reloads: RELOADS, inode });
    await berth.writeManifest('web.yaml', manifest('StopFirst'));
    await berth.waitFor((rows) => allOnline(1)(rows) && rows[0]!.pid !== lastPids.at(-1), 'the StopFirst hand-over of the manifest change');
    await progress(load, 8);
    lastPids.push(...(await reloadUnderLoad(berth, load, { app: 'web', reloads: RELOADS, inode })));
  } finally {
    samples = await load.stop();
  }
  assert.equal(samples.filter((s) => !s.ok).length, 0, failures(samples));
  // One instance: after each hand-over only the new process serves, so each answered.
  assert.equal(new Set(lastPids).size, 2 * RELOADS, 'each reload put a new process in charge');
  assert.ok(!lastPids.includes(first!.pid!));
  assert.ok(new Set(samples.map((s) => s.pid)).size >= 2 * RELOADS + 2, 'every generation answered');
  assert.equal(recordedInode(berth, 'web', port), inode, 'the same socket throughout');
  t.diagnostic(`${samples.length} requests through ${2 * RELOADS + 1} hand-overs, ${failures(samples)}, socket:[${inode}] throughout`);
}
