// Issue 5: a reload of a 2-instance app behind continuous requests to both
// ports loses no request: each new instance is ready (its own process
// listens) before the old one stops. The app shares its port with
// SO_REUSEPORT (reloadOrder: StartFirst) and drains on SIGTERM.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { BerthHarness, ROOT, getJson } from '../helpers/berth-harness.js';
import { freePortRange } from '../helpers/free-ports.js';
import { waitFor } from '../helpers/wait-for.js';

test('reload behind continuous requests to both ports loses no request', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const base = await freePortRange(2);
  await berth.writeManifest('api.yaml', [
    'apiVersion: berth/v1', 'kind: App', 'metadata: {name: api}', 'spec:', '  script: python3',
    `  args: [${path.join(ROOT, 'test', 'fixtures', 'reuseport-server.py')}]`,
    '  instances: 2', `  port: "${base}-${base + 1}"`, '  reloadOrder: StartFirst', '  stopTimeout: 5s', '',
  ].join('\n'));
  const before = await berth.waitFor((r) => r.filter((i) => i.status === 'online').length === 2, '2 online');

  let stop = false;
  let sent = 0;
  const failures: string[] = [];
  const pidsSeen = new Set<number>();
  const load = (port: number) => (async () => {
    while (!stop) {
      sent++;
      try {
        pidsSeen.add((await getJson<{ pid: number }>(port, '/', 3_000)).pid);
      } catch (err) {
        failures.push(`${port}: ${(err as Error).message}`);
      }
    }
  })();
  const loops = [load(base), load(base + 1)];
  await waitFor(() => sent >= 30, { what: 'requests flowing before the reload' });
  const reloaded = await berth.cli(['reload', 'api']);
  const sentByReload = sent;
  await waitFor(() => sent >= sentByReload + 30, { what: 'requests flowing after the reload' });
  stop = true;
  await Promise.all(loops);

  assert.equal(reloaded.code, 0, reloaded.stderr);
  const after = await berth.instances();
  assert.equal(after.filter((i) => i.status === 'online').length, 2);
  for (let i = 0; i < 2; i++) assert.notEqual(after[i]!.pid, before[i]!.pid, `instance ${i} was replaced`);
  assert.deepEqual(after.map((r) => r.port), [base, base + 1]);
  assert.ok(sent > 50, `enough requests were sent during the reload (${sent})`);
  assert.deepEqual(failures, [], `${failures.length} of ${sent} requests failed`);
  for (const row of after) assert.ok(pidsSeen.has(row.pid!), 'the new processes answered');
});
