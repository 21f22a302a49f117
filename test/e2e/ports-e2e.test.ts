// Issue 9's seed examples with real processes and real listeners.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:net';
import { BerthHarness, getJson, helloApp } from '../helpers/berth-harness.js';
import { freePortRange, holdPort } from '../helpers/free-ports.js';

test('4 instances on a range, with a leftover env.PORT, each answer on their own port with ids 0..3', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const base = await freePortRange(4);
  await berth.writeManifest('web.yaml', helloApp({ name: 'web-cluster', instances: 4, port: `${base}-${base + 3}`, extra: `  env: {PORT: "${base}"}` }));
  await berth.waitFor((r) => r.filter((i) => i.app === 'web-cluster' && i.status === 'online').length === 4, '4 online');
  for (let i = 0; i < 4; i++) {
    const answer = await getJson<{ instance: number; port: number }>(base + i);
    assert.deepEqual(answer, { ...answer, instance: i, port: base + i });
  }
  const info = await berth.cli(['info', 'web-cluster', '-o', 'json']);
  const events = (JSON.parse(info.stdout) as { events: { reason: string; message: string }[] }).events;
  assert.ok(events.some((e) => e.reason === 'EnvShadowed' && /PORT/.test(e.message)), 'a warning event names the shadowed PORT');
});

test('auto range skips ports held by strangers: A, A+2, A+5', async (t) => {
  const berth = await BerthHarness.create();
  const held: Server[] = [];
  t.after(async () => {
    for (const s of held) s.close();
    await berth.cleanup();
  });
  await berth.up();
  const base = await freePortRange(11);
  for (const offset of [1, 3, 4]) held.push(await holdPort(base + offset));
  await berth.writeManifest('auto.yaml', helloApp({ name: 'auto', instances: 3, port: `auto:${base}-${base + 10}` }));
  const rows = await berth.waitFor((r) => r.filter((i) => i.app === 'auto' && i.status === 'online').length === 3, '3 online');
  assert.deepEqual(rows.filter((r) => r.app === 'auto').map((r) => r.port), [base, base + 2, base + 5]);
});

test('a fixed port held by a stranger: SPEC error from apply, nothing written', async (t) => {
  const berth = await BerthHarness.create();
  const [base] = [await freePortRange(1)];
  const stranger = await holdPort(base);
  t.after(async () => {
    stranger.close();
    await berth.cleanup();
  });
  const { writeFile } = await import('node:fs/promises');
  const file = `${berth.root}/web.yaml`;
  await writeFile(file, helloApp({ name: 'web', port: String(base) }));
  const res = await berth.cli(['apply', '-f', file, '--dir', berth.dir]);
  assert.equal(res.code, 1);
  assert.equal(res.stderr.trim(), `Error: Port ${base} is already in use by another process`);
  const { readdir } = await import('node:fs/promises');
  assert.deepEqual(await readdir(berth.dir), []);
});
