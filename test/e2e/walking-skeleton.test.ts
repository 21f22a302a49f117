// Issue 2's walking skeleton: a manifest dropped in the watched folder
// becomes a process answering on its port; removing it closes the port.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BerthHarness, getJson, helloApp, isPortOpen } from '../helpers/berth-harness.js';
import { freePort } from '../helpers/free-ports.js';

test('drop a manifest → a real process answers on its port; remove it → the port closes', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const port = await freePort();
  await berth.writeManifest('hello.yaml', helloApp({ name: 'hello', port: String(port) }));

  const rows = await berth.waitFor((r) => r.some((i) => i.app === 'hello' && i.status === 'online'), 'hello online');
  const [row] = rows.filter((r) => r.app === 'hello');
  assert.equal(row!.port, port);
  assert.ok(row!.pid! > 0);
  const answer = await getJson<{ app: string; port: number; pid: number }>(port);
  assert.deepEqual([answer.app, answer.port, answer.pid], ['hello', port, row!.pid]);

  const table = await berth.cli(['list']);
  assert.equal(table.code, 0);
  assert.match(table.stdout.split('\n')[0]!, /^ID\s+Name\s+Status\s+PID\s+Port\s+CPU \(%\)\s+Memory\s+Uptime\s+Restarts$/);
  assert.match(table.stdout, new RegExp(`0\\s+hello\\s+online\\s+${row!.pid}\\s+${port}`));

  await berth.removeManifest('hello.yaml');
  await berth.waitFor((r) => !r.some((i) => i.app === 'hello'), 'hello gone');
  assert.equal(await isPortOpen(port), false);
  assert.throws(() => process.kill(row!.pid!, 0));
});

test('list works from the store when the controller is down, and says so', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const port = await freePort();
  await berth.writeManifest('hello.yaml', helloApp({ name: 'hello', port: String(port) }));
  await berth.waitFor((r) => r.some((i) => i.app === 'hello' && i.status === 'online'), 'hello online');
  await berth.killController('SIGTERM');
  const res = await berth.cli(['list', '-o', 'json']);
  assert.equal(res.code, 0);
  assert.match(res.stderr, /controller is not running/);
  const rows = JSON.parse(res.stdout) as { app: string; port: number; pid: number }[];
  assert.equal(rows[0]?.port, port);
  // SIGTERM left the app running
  assert.equal((await getJson<{ pid: number }>(port)).pid, rows[0]?.pid);
});
