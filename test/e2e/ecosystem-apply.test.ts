// SPEC: `berth apply -f` converts PMDaemon configs; the example PMDaemon ships
// (4 instances, port "3000-3003", env.PORT "3000") runs 4 instances on 4 ports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BerthHarness, HELLO_DIR, getJson } from '../helpers/berth-harness.js';
import { freePortRange } from '../helpers/free-ports.js';

test('apply -f a PMDaemon JSON config: 4 instances, each on its own port despite env.PORT', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const base = await freePortRange(4);
  const config = path.join(berth.root, 'ecosystem.json');
  await writeFile(config, JSON.stringify({
    apps: [{ name: 'web-cluster', script: 'node', args: ['server.js'], cwd: HELLO_DIR, instances: 4, port: `${base}-${base + 3}`, env: { PORT: String(base), NODE_ENV: 'production' } }],
  }, null, 2));
  const applied = await berth.cli(['apply', '-f', config, '--wait', '--timeout', '30s']);
  assert.equal(applied.code, 0, applied.stderr);
  assert.equal(applied.stdout.trim(), 'app/web-cluster created');
  const rows = await berth.waitFor((r) => r.filter((i) => i.status === 'online').length === 4, '4 online');
  assert.deepEqual(rows.map((r) => r.port), [base, base + 1, base + 2, base + 3]);
  for (let i = 0; i < 4; i++) assert.equal((await getJson<{ port: number; instance: number }>(base + i)).instance, i);
});
