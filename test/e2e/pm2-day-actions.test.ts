// The PM2 user's day, actions: many targets, all, -l, NAME/INDEX, kept
// across a controller restart; scale N|+N|-N; delete -l. Real controller,
// real processes, through the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allOnline, BerthHarness, helloApp, type InstanceRow } from '../helpers/berth-harness.js';
import { freePortRange } from '../helpers/free-ports.js';

const labelled = (text: string, name: string, labels: string) => text.replace(`  name: ${name}`, `  name: ${name}\n  labels: {${labels}}`);
const pids = (rows: InstanceRow[]) => Object.fromEntries(rows.map((r) => [`${r.app}/${r.instance}`, r.pid]));

test('restart, stop and start take names, NAME/INDEX, all and -l; a typo changes nothing', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const base = await freePortRange(3);
  await berth.writeManifest('web.yaml', labelled(helloApp({ name: 'web', instances: 2, port: `${base}-${base + 1}` }), 'web', 'tier: web'));
  await berth.writeManifest('api.yaml', labelled(helloApp({ name: 'api', port: String(base + 2) }), 'api', 'tier: api'));
  const first = pids(await berth.waitFor(allOnline(3), 'web x2 and api online'));

  const one = await berth.cli(['restart', 'web/1']);
  assert.deepEqual([one.code, one.stdout.trim()], [0, 'app/web instance 1 restarted'], one.stderr);
  const second = pids(await berth.waitFor((r) => allOnline(3)(r) && r.find((i) => i.app === 'web' && i.instance === 1)!.pid !== first['web/1'], 'web/1 replaced'));
  assert.equal(second['web/0'], first['web/0'], 'web/0 untouched');
  assert.equal(second['api/0'], first['api/0'], 'api untouched');

  const typo = await berth.cli(['restart', 'web', 'nope']);
  assert.deepEqual([typo.code, typo.stderr.trim()], [1, 'Error: app "nope" not found']);
  const badIndex = await berth.cli(['stop', 'web/7']);
  assert.equal(badIndex.code, 1);
  assert.equal(badIndex.stderr.trim(), 'Error: instance 7 of app "web" (it has instances 0-1) not found');
  assert.deepEqual(pids(await berth.instances()), second, 'nothing restarted by the failed commands');

  const bySelector = await berth.cli(['restart', '-l', 'tier=web']);
  assert.deepEqual([bySelector.code, bySelector.stdout.trim()], [0, 'app/web restarted'], bySelector.stderr);
  const third = pids(await berth.waitFor((r) => allOnline(3)(r) && r.filter((i) => i.app === 'web').every((i) => i.pid !== second[`web/${i.instance}`]), 'web restarted by label'));
  assert.equal(third['api/0'], second['api/0']);

  const stopOne = await berth.cli(['stop', 'web/0']);
  assert.deepEqual([stopOne.code, stopOne.stdout.trim()], [0, 'app/web instance 0 stopped'], stopOne.stderr);
  await berth.waitFor((r) => r.find((i) => i.app === 'web' && i.instance === 0)?.status === 'stopped', 'web/0 stopped');
  // The stop of one instance is kept in the store: a new controller leaves it stopped.
  await berth.killController();
  await berth.up();
  await berth.cli(['restart', 'api']);
  const rows = await berth.waitFor((r) => r.find((i) => i.app === 'api')?.status === 'online', 'api back');
  assert.equal(rows.find((i) => i.app === 'web' && i.instance === 0)!.status, 'stopped');
  assert.equal(rows.find((i) => i.app === 'web' && i.instance === 1)!.status, 'online');
  const ready = JSON.parse((await berth.cli(['info', 'web', '-o', 'json'])).stdout) as { conditions: { type: string; status: string }[] };
  assert.equal(ready.conditions.find((c) => c.type === 'Ready')?.status, 'True', 'an instance stopped on purpose does not make the app unready');

  const startOne = await berth.cli(['start', 'web/0']);
  assert.deepEqual([startOne.code, startOne.stdout.trim()], [0, 'app/web instance 0 started'], startOne.stderr);
  await berth.waitFor(allOnline(3), 'web/0 online again');

  const beforeReload = pids(await berth.instances());
  const reloadOne = await berth.cli(['reload', 'web/0']);
  assert.deepEqual([reloadOne.code, reloadOne.stdout.trim()], [0, 'app/web instance 0 reloaded'], reloadOne.stderr);
  const afterReload = pids(await berth.waitFor((r) => allOnline(3)(r) && r.find((i) => i.app === 'web' && i.instance === 0)!.pid !== beforeReload['web/0'], 'web/0 replaced by reload'));
  assert.equal(afterReload['web/1'], beforeReload['web/1'], 'reload web/0 leaves web/1 alone');
  const portOnInstance = await berth.cli(['restart', 'web/0', '--port', '4000']);
  assert.deepEqual([portOnInstance.code, portOnInstance.stderr.trim()], [1, 'Error: --port applies to a whole app (its instances share one port spec); drop /0']);

  const stopAll = await berth.cli(['stop', 'all']);
  assert.deepEqual([stopAll.code, stopAll.stdout.trim().split('\n')], [0, ['app/api stopped', 'app/web stopped']], stopAll.stderr);
  await berth.waitFor((r) => r.every((i) => i.status === 'stopped'), 'everything stopped');
  const startAll = await berth.cli(['start', 'all']);
  assert.equal(startAll.code, 0, startAll.stderr);
  await berth.waitFor(allOnline(3), 'everything online again');

  const nothing = await berth.cli(['restart', '-l', 'tier=none']);
  assert.deepEqual([nothing.code, nothing.stderr.trim()], [0, 'No apps match -l tier=none.']);

  const deleted = await berth.cli(['delete', '-l', 'tier=api']);
  assert.deepEqual([deleted.code, deleted.stdout.trim()], [0, 'app/api deleted'], deleted.stderr);
  assert.deepEqual((await berth.instances()).map((r) => r.app), ['web', 'web']);
  const deleteInstance = await berth.cli(['delete', 'web/1']);
  assert.equal(deleteInstance.code, 1);
  assert.match(deleteInstance.stderr, /^Error: delete takes app names, not instances \("web\/1"\); to run fewer instances use `berth scale web N`/);
});

test('scale N, +N, -N, --replicas; bad counts are one-line errors', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const base = await freePortRange(5);
  await berth.writeManifest('web.yaml', helloApp({ name: 'web', instances: 1, port: `auto:${base}-${base + 4}` }));
  await berth.waitFor(allOnline(1), 'web online');

  const plus = await berth.cli(['scale', 'web', '+2']);
  assert.deepEqual([plus.code, plus.stdout.trim()], [0, 'app/web scaled to 3 (was 1)'], plus.stderr);
  await berth.waitFor(allOnline(3), '3 online');
  const minus = await berth.cli(['scale', 'web', '-1']);
  assert.deepEqual([minus.code, minus.stdout.trim()], [0, 'app/web scaled to 2 (was 3)'], minus.stderr);
  await berth.waitFor(allOnline(2), '2 online');
  const replicas = await berth.cli(['scale', 'web', '--replicas', '4']);
  assert.deepEqual([replicas.code, replicas.stdout.trim()], [0, 'app/web scaled to 4 (was 2)'], replicas.stderr);
  assert.equal((await berth.cli(['scale', 'web', '4'])).stdout.trim(), 'app/web unchanged (4 instances)');
  await berth.waitFor(allOnline(4), '4 online');

  for (const [args, message] of [
    [['scale', 'web', '-9'], 'Error: cannot scale by -9: the app has 4 instances'],
    [['scale', 'web', '2.5'], 'Error: scale takes N, +N or -N (decimal integers), got "2.5"'],
    [['scale', 'web', '0x10'], 'Error: scale takes N, +N or -N (decimal integers), got "0x10"'],
    [['scale', 'web', '--instances', '+1'], 'Error: --instances takes a whole number; for a relative change write `berth scale web +1`'],
  ] as const) {
    const res = await berth.cli([...args]);
    assert.deepEqual([res.code, res.stderr.trim()], [1, message], args.join(' '));
  }
});
