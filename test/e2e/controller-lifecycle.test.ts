// SPEC "Behaviour users rely on": a killed controller leaves apps running and
// the next one adopts them (same PIDs, no duplicates, same ports); Ctrl-C on
// a foreground `berth up` stops the apps; crashed instances restart with
// back-off and `list` counts the restarts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { BerthHarness, ROOT, getJson, helloApp, isPortOpen, sleeperApp } from '../helpers/berth-harness.js';
import { freePortRange } from '../helpers/free-ports.js';
import { ApiClient } from '../../src/api/api-client.js';
import { readStartTime } from '../../src/process/proc-stat.js';
import { isProcessAlive } from '../../src/process/is-process-alive.js';
import { waitFor } from '../helpers/wait-for.js';

test('SIGKILL of the controller leaves the apps; a new controller adopts the same PIDs and ports', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const base = await freePortRange(2);
  await berth.writeManifest('web.yaml', helloApp({ name: 'web', instances: 2, port: `${base}-${base + 1}` }));
  const before = await berth.waitFor((r) => r.filter((i) => i.status === 'online').length === 2, '2 online');

  await berth.killController('SIGKILL');
  for (const row of before) assert.equal((await getJson<{ pid: number }>(row.port!)).pid, row.pid);

  await berth.up();
  const after = await berth.waitFor((r) => r.filter((i) => i.status === 'online').length === 2, 'adopted and online');
  assert.deepEqual(after.map((r) => [r.pid, r.port]), before.map((r) => [r.pid, r.port]));
  // After a full reconcile of every app and a sweep that sampled the adopted processes, still no duplicate.
  await new ApiClient(berth.home).reconcileNow();
  const again = await berth.waitFor((r) => r.length === 2 && r.every((i) => i.memory !== null), 'a sweep sampled both instances');
  assert.deepEqual(again.map((r) => r.pid), before.map((r) => r.pid));
  for (const row of before) assert.equal((await getJson<{ pid: number }>(row.port!)).pid, row.pid);
});

test('Ctrl-C (SIGINT) on the foreground controller stops the apps', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const base = await freePortRange(1);
  await berth.writeManifest('web.yaml', helloApp({ name: 'web', port: String(base) }));
  const [row] = await berth.waitFor((r) => r.some((i) => i.status === 'online'), 'online');
  await berth.killController('SIGINT');
  assert.equal(await isPortOpen(base), false);
  // gone or a zombie: the controller exited, and init reaps its stopped children on its own time
  assert.equal(readStartTime(row!.pid!), undefined);
  const listed = await berth.cli(['list', '-o', 'json']);
  assert.equal((JSON.parse(listed.stdout) as { status: string }[])[0]?.status, 'stopped');
  assert.equal(berth.controller?.exitCode, 0, 'the controller exits cleanly after stopping the apps');
  assert.doesNotMatch(berth.logTail(), /"level":(50|60)/, 'no error or fatal line in the controller log');
});

test('a crashing instance restarts with back-off and list counts the restarts', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const crash = path.join(ROOT, 'test', 'fixtures', 'crash-after.mjs');
  await berth.writeManifest('crash.yaml', [
    'apiVersion: berth/v1', 'kind: App', 'metadata: {name: crashy}', 'spec:', '  script: node',
    `  args: [${crash}, "100", "3"]`, '  restartBackoff: {initial: 100ms, max: 400ms}', '',
  ].join('\n'));
  const rows = await berth.waitFor((r) => (r[0]?.restarts ?? 0) >= 3, '3 restarts');
  assert.ok(['starting', 'online', 'crashloop'].includes(rows[0]!.status));
  const info = JSON.parse((await berth.cli(['info', 'crashy', '-o', 'json'])).stdout) as { events: { reason: string }[] };
  assert.ok(info.events.some((e) => e.reason === 'Crashed'));
  assert.ok(info.events.some((e) => e.reason === 'BackOff'));
});

test('down cancels a port move whose new instance never gets ready: both processes stop at once, not after the 60 s ready timeout', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const [p1, p2] = [await freePortRange(1), await freePortRange(1)];
  // sleep never listens: neither instance gets ready
  await berth.writeManifest('idle.yaml', `apiVersion: berth/v1\nkind: App\nmetadata: {name: idle}\nspec: {script: sleep, args: ["1000"], port: ${p1}, stopTimeout: 2s}\n`);
  const [first] = await berth.waitFor((r) => r.some((i) => i.pid !== null), 'idle running');
  const restart = berth.cli(['restart', 'idle', '--port', String(p2)]);
  await waitFor(async () => (await berth.cli(['info', 'idle', '-o', 'json'])).stdout.includes('PortOverride'), { what: 'the port move under way', timeoutMs: 10_000, pollMs: 100 });
  const down = await berth.cli(['down']);
  assert.equal(down.code, 0, down.stderr);
  await restart; // returned: it was waiting on the hand-over down cancelled
  assert.equal(isProcessAlive(first!.pid!), false);
  const info = JSON.parse((await berth.cli(['info', 'idle', '-o', 'json'])).stdout) as { events: { reason: string; message: string }[] };
  const failed = info.events.find((e) => e.reason === 'ReloadFailed');
  assert.match(failed?.message ?? '', /is stopped and not ready/, 'given up because down cancelled it');
  assert.doesNotMatch(failed?.message ?? '', /within 60000 ms/);
});

test('with the controller down, list shows a recorded process that died meanwhile as stopped, not online', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  await berth.writeManifest('a.yaml', sleeperApp('a', 'instances: 2'));
  const rows = await berth.waitFor((r) => r.filter((i) => i.status === 'online').length === 2, '2 online');
  await berth.killController('SIGTERM');
  process.kill(rows[0]!.pid!, 'SIGKILL');
  await waitFor(() => !isProcessAlive(rows[0]!.pid!), { what: 'the process gone' });
  const res = await berth.cli(['list', '-o', 'json']);
  assert.match(res.stderr, /^note: the controller is not running; showing the last recorded state$/m);
  const offline = JSON.parse(res.stdout) as { instance: number; status: string; pid: number | null }[];
  assert.deepEqual(offline.map((r) => [r.instance, r.status, r.pid]), [[0, 'stopped', null], [1, 'online', rows[1]!.pid]]);
});
