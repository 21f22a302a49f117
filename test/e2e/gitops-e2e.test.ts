// Issue 6 end to end: a git repository drives the controller through
// `berth sync --once`: commit → app starts; change instances → scales;
// remove → pruned and ports freed; an invalid commit changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { BerthHarness, helloApp, isPortOpen } from '../helpers/berth-harness.js';
import { freePortRange } from '../helpers/free-ports.js';
import { createRepo } from '../sync/git-fixture.js';

test('git commits drive apps through sync and the controller', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const repo = await createRepo(path.join(berth.root, 'repo'));
  const base = await freePortRange(3);
  const sync = () => berth.cli(['sync', '--repo', `file://${repo.dir}`, '--path', 'deploy', '--dir', berth.dir, '--once']);

  await repo.commit({ 'deploy/web.yaml': helloApp({ name: 'web', instances: 1, port: `${base}-${base + 2}` }), 'README.md': 'not a manifest' }, 'add web');
  const first = await sync();
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /^synced [0-9a-f]{7} "add web"\napp\/web created/);
  await berth.waitFor((r) => r.filter((i) => i.app === 'web' && i.status === 'online').length === 1, 'web online');

  await repo.commit({ 'deploy/web.yaml': helloApp({ name: 'web', instances: 3, port: `${base}-${base + 2}` }) }, 'scale web to 3');
  assert.match((await sync()).stdout, /app\/web configured/);
  await berth.waitFor((r) => r.filter((i) => i.app === 'web' && i.status === 'online').length === 3, 'web scaled to 3');
  const info = await berth.cli(['info', 'web']);
  assert.match(info.stdout, /Revision:\s+[0-9a-f]{7} "scale web to 3"/);

  await repo.commit({ 'deploy/web.yaml': helloApp({ name: 'web', instances: 1 }).replace('  script: node', '  script: node\n  instances: many') }, 'break it');
  const broken = await sync();
  assert.equal(broken.code, 1);
  assert.match(broken.stderr, /^Error: .*web\.yaml:\d+:\d+: /m);
  const stillThree = await berth.instances();
  assert.equal(stillThree.filter((i) => i.status === 'online').length, 3);

  await repo.commit({ 'deploy/web.yaml': null, 'deploy/other.yaml': helloApp({ name: 'other' }) }, 'replace web by other');
  assert.match((await sync()).stdout, /app\/web pruned/);
  await berth.waitFor((r) => !r.some((i) => i.app === 'web') && r.some((i) => i.app === 'other' && i.status === 'online'), 'web pruned, other running');
  for (let i = 0; i < 3; i++) assert.equal(await isPortOpen(base + i), false);
});
