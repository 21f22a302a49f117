// Issue 5: only what changed is touched; delete frees ports; a bad manifest
// keeps the last good spec; apply refuses conflicts without writing; diff's
// exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BerthHarness, helloApp, isPortOpen } from '../helpers/berth-harness.js';
import { freePort, freePortRange } from '../helpers/free-ports.js';
import { waitFor } from '../helpers/wait-for.js';

test('scale 2 → 4 keeps the running PIDs; scale down and delete free the ports', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const base = await freePortRange(4);
  await berth.writeManifest('web.yaml', helloApp({ name: 'web', instances: 2, port: `${base}-${base + 3}` }));
  const before = await berth.waitFor((r) => r.filter((i) => i.status === 'online').length === 2, '2 online');
  const scaled = await berth.cli(['scale', 'web', '--instances', '4']);
  assert.equal(scaled.code, 0, scaled.stderr);
  const after = await berth.waitFor((r) => r.filter((i) => i.status === 'online').length === 4, '4 online');
  assert.deepEqual(after.slice(0, 2).map((r) => r.pid), before.map((r) => r.pid));

  assert.equal((await berth.cli(['scale', 'web', '--instances', '1'])).code, 0);
  await berth.waitFor((r) => r.length === 1, 'scaled to 1');
  const ports = JSON.parse((await berth.cli(['ports', '-o', 'json'])).stdout) as { port?: number; ports?: number[]; owner: string }[];
  assert.equal(JSON.stringify(ports).includes(String(base + 1)), false, 'ports of removed instances are released');
  assert.equal(await isPortOpen(base + 3), false);

  const deleted = await berth.cli(['delete', 'web']);
  assert.equal(deleted.code, 0, deleted.stderr);
  assert.match(deleted.stdout, /app\/web deleted/);
  assert.deepEqual(await berth.instances(), []);
  assert.equal(await isPortOpen(base), false);
  assert.deepEqual(JSON.parse((await berth.cli(['ports', '-o', 'json'])).stdout), []);
});

test('a manifest that stops validating keeps the app on its last good spec and says where', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const port = await freePort();
  await berth.writeManifest('web.yaml', helloApp({ name: 'web', port: String(port) }));
  const [running] = await berth.waitFor((r) => r.some((i) => i.status === 'online'), 'online');
  await berth.writeManifest('web.yaml', helloApp({ name: 'web', port: String(port) }).replace('  instances: 1', '  instances: [oops'));
  let info: { manifestErrors: string[]; conditions: { type: string; status: string }[] } | undefined;
  await waitFor(async () => {
    info = JSON.parse((await berth.cli(['info', 'web', '-o', 'json'])).stdout);
    return info!.manifestErrors.length > 0;
  }, { timeoutMs: 10_000, pollMs: 100, what: 'the manifest error in info' });
  assert.match(info!.manifestErrors[0]!, /web\.yaml:\d+:\d+: /);
  assert.equal(info!.conditions.find((c) => c.type === 'ManifestValid')?.status, 'False');
  const [still] = await berth.instances();
  assert.equal(still!.pid, running!.pid);
  assert.equal(still!.status, 'online');
  assert.equal(await isPortOpen(port), true);
});

test('apply refuses a port already assigned to another app and changes nothing on disk', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const port = await freePort();
  await berth.writeManifest('app1.yaml', helloApp({ name: 'app1', port: String(port) }));
  await berth.waitFor((r) => r.some((i) => i.app === 'app1' && i.status === 'online'), 'app1 online');
  const before = await readdir(berth.dir);
  const incoming = path.join(berth.root, 'app2.yaml');
  await writeFile(incoming, helloApp({ name: 'app2', port: String(port) }));
  const res = await berth.cli(['apply', '-f', incoming]);
  assert.equal(res.code, 1);
  assert.equal(res.stderr.trim(), `Error: Port ${port} is already assigned to process 'app1'`);
  assert.deepEqual(await readdir(berth.dir), before);
});

test('apply prints created/configured/unchanged; diff exits 0, 1 or 2', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const file = path.join(berth.root, 'web.yaml');
  await writeFile(file, helloApp({ name: 'web' }));
  const args = ['--dir', berth.dir];
  assert.equal((await berth.cli(['diff', '-f', file, ...args])).code, 1);
  assert.equal((await berth.cli(['apply', '-f', file, ...args])).stdout.trim(), 'app/web created');
  assert.equal((await berth.cli(['apply', '-f', file, ...args])).stdout.trim(), 'app/web unchanged');
  const same = await berth.cli(['diff', '-f', file, ...args]);
  assert.deepEqual([same.code, same.stdout.trim()], [0, 'no changes']);
  await writeFile(file, helloApp({ name: 'web', instances: 3 }));
  const changed = await berth.cli(['diff', '-f', file, ...args]);
  assert.equal(changed.code, 1);
  assert.match(changed.stdout, /app\/web would be configured\n\s+spec\.instances: 1 → 3/);
  assert.equal((await berth.cli(['apply', '-f', file, ...args])).stdout.trim(), 'app/web configured');
  assert.match(await readFile(path.join(berth.dir, 'web.yaml'), 'utf8'), /instances: 3/);
  await writeFile(file, 'apiVersion: berth/v1\nkind: App\nmetadata: {name: web}\nspec: {scrpt: node}\n');
  const broken = await berth.cli(['diff', '-f', file, ...args]);
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /^Error: web\.yaml:4:8: spec\.scrpt: unknown field "scrpt"; did you mean "script"\?/);
});
