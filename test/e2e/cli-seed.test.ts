// Issue 5's seed command lines, with `berth` in place of `pmdaemon`, end to end.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BerthHarness, HELLO_DIR, getJson, isPortOpen } from '../helpers/berth-harness.js';
import { freePort, freePortRange } from '../helpers/free-ports.js';

test('start "node server.js" --name/--port, restart --port, reload --port range, list, info', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const [webPort, webPort2, apiPort] = [await freePort(), await freePort(), await freePort()];

  const started = await berth.cli(['start', 'node server.js', '--name', 'web-app', '--port', String(webPort)], { cwd: HELLO_DIR });
  assert.equal(started.code, 0, started.stderr);
  assert.match(started.stdout, /^app\/web-app created/);
  await berth.waitFor((r) => r.some((i) => i.app === 'web-app' && i.status === 'online'), 'web-app online');
  assert.equal((await getJson<{ port: number }>(webPort)).port, webPort);

  const restarted = await berth.cli(['restart', 'web-app', '--port', String(webPort2)]);
  assert.equal(restarted.code, 0, restarted.stderr);
  await berth.waitFor((r) => r.some((i) => i.app === 'web-app' && i.status === 'online' && i.port === webPort2), 'web-app on the new port');
  assert.equal((await getJson<{ port: number }>(webPort2)).port, webPort2);
  assert.equal(await isPortOpen(webPort), false);
  // the override is runtime state: the manifest still says the old port
  assert.match(await readFile(path.join(berth.dir, 'web-app.yaml'), 'utf8'), new RegExp(`port: ${webPort}`));
  const info = JSON.parse((await berth.cli(['info', 'web-app', '-o', 'json'])).stdout) as { configured: { port: string }; effective: { port: string } };
  assert.deepEqual([info.configured.port, info.effective.port], [String(webPort), String(webPort2)]);
  const described = await berth.cli(['describe', 'web-app']);
  assert.match(described.stdout, new RegExp(`Configured:\\s+${webPort}`));
  assert.match(described.stdout, new RegExp(`Effective:\\s+${webPort2}\\s+\\(runtime override`));

  assert.equal((await berth.cli(['start', 'node server.js', '--name', 'api', '--port', String(apiPort)], { cwd: HELLO_DIR })).code, 0);
  await berth.waitFor((r) => r.some((i) => i.app === 'api' && i.status === 'online'), 'api online');
  const base = await freePortRange(4);
  const reloaded = await berth.cli(['reload', 'api', '--port', `${base}-${base + 3}`]);
  assert.equal(reloaded.code, 0, reloaded.stderr);
  const rows = await berth.waitFor((r) => r.filter((i) => i.app === 'api' && i.status === 'online').length === 4, 'api on 4 instances');
  assert.deepEqual(rows.filter((r) => r.app === 'api').map((r) => r.port), [base, base + 1, base + 2, base + 3]);
  for (let i = 0; i < 4; i++) assert.equal((await getJson<{ instance: number }>(base + i)).instance, i);
  assert.equal(await isPortOpen(apiPort), false);

  const list = await berth.cli(['ls']);
  assert.equal(list.stdout.trim().split('\n').length, 1 + 1 + 4);
});

test('start --instances with a single port is refused with the SPEC message', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const res = await berth.cli(['start', 'node server.js', '--name', 'web', '--port', '3000-3001', '--instances', '4', '--dir', berth.dir], { cwd: HELLO_DIR });
  assert.equal(res.code, 1);
  assert.equal(res.stderr.trim(), 'Error: Port range 3000-3001 has only 2 ports but 4 instances requested');
});
