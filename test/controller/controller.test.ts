// The Controller in memory (test/helpers/controller-harness.ts): reconciles,
// resync, Ready batching, actions, orphans, shutdown, broken files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { desiredStateFrom, loadManifestDir } from '../../src/manifest/load-manifest-dir.js';
import { app, controllerHarness as setup, DIR } from '../helpers/controller-harness.js';

test('start reconciles every app; a file change reconciles only what changed', async () => {
  const { supervisor, files, controller, edit, timers } = setup();
  files.set('web.yaml', app('web', 'instances: 2, port: "3000-3003"'));
  files.set('api.yaml', app('api', 'port: 4000'));
  await controller.start();
  await controller.settle();
  assert.deepEqual(supervisor.log.sort(), ['start api/0 port=4000', 'start web/0 port=3000', 'start web/1 port=3001']);
  await edit('web.yaml', app('web', 'instances: 3, port: "3000-3003"'));
  assert.deepEqual(supervisor.log.slice(3), ['start web/2 port=3002'], 'scale 2 → 3 starts one; api untouched');
  await edit('api.yaml', undefined);
  assert.deepEqual(supervisor.log.slice(4), [], 'a file that vanished may come back within 1 s (editors rewrite in place)');
  timers.advance(1_005);
  await controller.settle();
  assert.deepEqual(supervisor.log.slice(4), ['remove api/0']);
});

test('watcher events that arrive while the folder is read cost one more read, not one each', async () => {
  const texts = new Map([['web.yaml', app('web', 'port: 3000')]]);
  let reads = 0;
  let release: (() => void) | undefined;
  const { controller, notify, supervisor } = setup({
    loadManifests: async () => {
      if (++reads === 2) await new Promise<void>((resolve) => (release = resolve));
      return desiredStateFrom([...texts].map(([file, text]) => ({ file: path.join(DIR, file), text })));
    },
  });
  await controller.start();
  await controller.settle();
  const first = notify();
  while (!release) await new Promise((r) => setImmediate(r));
  texts.set('api.yaml', app('api', 'port: 4000'));
  const more = Array.from({ length: 20 }, () => notify());
  release();
  await Promise.all([first, ...more]);
  assert.equal(reads, 3, 'the start, the read in progress, and one for the 20 events');
  assert.deepEqual(supervisor.log, ['start web/0 port=3000', 'start api/0 port=4000'], 'the last read saw the new file');
});

test('while the vanish grace holds the claims of a vanished file, nothing of them is reconciled; after it they are deleted', async () => {
  const { controller, files, edit, timers, ports, store } = setup();
  let ensured = 0;
  const ensureClaim = ports.ensureClaim.bind(ports);
  ports.ensureClaim = async () => {
    ensured++;
    return ensureClaim();
  };
  files.set('claims.yaml', ['a', 'b'].map((name) => `apiVersion: berth/v1\nkind: PortClaim\nmetadata: {name: ${name}}\nspec: {tcp: 1}\n`).join('---\n'));
  await controller.start();
  await controller.settle();
  assert.equal(ensured, 2);
  await edit('claims.yaml', undefined);
  assert.equal(ensured, 2, 'held, not reconciled again');
  assert.notEqual(store.apps.get('a'), undefined);
  timers.advance(1_005);
  await controller.settle();
  assert.deepEqual([store.apps.get('a'), store.apps.get('b'), ensured], [undefined, undefined, 2]);
});

test('the resync timer reconciles apps the store knows but no file declares (deleted while the controller was down)', async () => {
  const { store, supervisor, timers, files, controller } = setup();
  files.set('web.yaml', app('web', 'port: 3000'));
  await controller.start();
  await controller.settle();
  files.delete('web.yaml'); // no watcher event: only the resync can notice
  timers.advance(30_000);
  await controller.settle();
  timers.advance(1_005); // the vanish grace
  await controller.settle();
  assert.deepEqual(supervisor.log, ['start web/0 port=3000', 'remove web/0']);
  assert.equal(store.apps.get('web'), undefined);
});

test('instance changes set the Ready condition in one batched write after 50 ms', async () => {
  const { store, controller, files, timers } = setup();
  files.set('web.yaml', app('web', 'instances: 2, port: "3000-3001"'));
  await controller.start();
  await controller.settle();
  assert.equal(store.apps.get('web')!.conditions.find((c) => c.type === 'Ready'), undefined, 'not before the batch timer');
  timers.advance(50);
  const ready = store.apps.get('web')!.conditions.find((c) => c.type === 'Ready');
  assert.deepEqual([ready?.status, ready?.message], ['True', '2/2 ready']);
});

test('restart and reload go through the planner: restart in place, reload replaces', async () => {
  const { supervisor, files, controller } = setup();
  files.set('web.yaml', app('web', 'instances: 2, port: "3000-3001", reloadOrder: StartFirst'));
  await controller.start();
  await controller.settle();
  assert.deepEqual(await controller.act('web', 'restart', {}), { message: 'app/web restarted' });
  assert.deepEqual(supervisor.log.slice(2), ['restart web/0', 'restart web/1']);
  await controller.act('web', 'reload', {});
  assert.deepEqual(supervisor.log.slice(4), ['replace web/0 port=3000', 'replace web/1 port=3001']);
  await controller.reconcileNow('web');
  assert.equal(supervisor.log.length, 6, 'a request is carried out once');
});

test('processes a dead controller never recorded are reported as OrphanStopped events', async () => {
  const { store, files, controller } = setup({ orphans: [{ pid: 4242, startTime: '1', pgrp: 4242, marker: 'x', app: 'web', instance: 0 }] });
  files.set('web.yaml', app('web', 'port: 3000'));
  await controller.start();
  await controller.settle();
  const event = store.events.list('web').find((e) => e.reason === 'OrphanStopped');
  assert.match(event?.message ?? '', /stopped process 4242: started for web\/0 by a controller that died before recording it/);
});

test('shutdown stops taking work: the watcher is closed, timers cleared, apps stopped or left running', async () => {
  const stopping = setup();
  stopping.files.set('web.yaml', app('web', 'port: 3000'));
  await stopping.controller.start();
  await stopping.controller.settle();
  await stopping.controller.shutdown({ stopApps: true });
  assert.equal(stopping.watching(), false);
  assert.equal(stopping.timers.size, 0);
  assert.equal(stopping.supervisor.get('web', 0)?.stopped, true);
  assert.equal(stopping.shutdowns(), 1);

  const leaving = setup();
  leaving.files.set('web.yaml', app('web', 'port: 3000'));
  await leaving.controller.start();
  await leaving.controller.settle();
  await leaving.controller.shutdown({ stopApps: false });
  assert.equal(leaving.supervisor.handles[0]!.stopped, false, 'SIGTERM leaves the apps running');
  assert.deepEqual(leaving.supervisor.actual('web'), [], 'and forgets them');
});

test('a broken file keeps its apps also for a controller started from another folder', async (t) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'berth-ctl-'));
  const elsewhere = mkdtempSync(path.join(tmpdir(), 'berth-cwd-'));
  const cwd = process.cwd();
  t.after(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
  });
  writeFileSync(path.join(dir, 'web.yaml'), app('web', 'port: 3000'));
  const first = setup({ loadManifests: () => loadManifestDir(dir) });
  await first.controller.start();
  await first.controller.settle();
  await first.controller.shutdown({ stopApps: false });

  // Another controller, from another folder, over the same store: the file is now broken and names no app.
  process.chdir(elsewhere);
  writeFileSync(path.join(dir, 'web.yaml'), 'apiVersion: berth/v1\nkind: App\nmetadata: {nme: x}\n  spec: [\n');
  assert.equal(first.store.apps.get('web')!.source, path.join(dir, 'web.yaml'), 'the store records the absolute path');
  const second = setup({ loadManifests: () => loadManifestDir(dir), store: first.store });
  await second.controller.start();
  await second.controller.settle();
  assert.notEqual(second.store.apps.get('web'), undefined, 'the app is kept');
  assert.equal(second.supervisor.log.some((line) => line.startsWith('remove')), false);
  const valid = second.store.apps.get('web')!.conditions.find((c) => c.type === 'ManifestValid');
  assert.equal(valid?.status, 'False');
});

test('a restart --port that cannot get its ports changes nothing and stores nothing', async () => {
  const { controller, files, store, supervisor, ports, timers } = setup();
  files.set('web.yaml', app('web', 'port: 3000'));
  await controller.start();
  await controller.settle();
  await controller.act('web', 'stop', {});
  ports.taken.set(4000, 'holder');
  const events = store.events.list('web').length;

  for (const action of ['restart', 'reload'] as const) {
    await assert.rejects(controller.act('web', action, { port: '4000-4999' }), /Port 4000 is already assigned to process 'holder'/);
  }
  assert.equal(store.overrides.get('web'), undefined, 'no override stored');
  assert.equal(store.apps.get('web')!.desiredState, 'stopped', 'still stopped');
  assert.equal(store.instances.list('web').length, 1, 'no pending rows for 1000 instances');
  assert.equal(store.events.list('web').length, events, 'no PortOverride or Restarted event');

  ports.taken.clear();
  timers.advance(30_000); // a resync once the port is free: the failed override must not come back
  await controller.settle();
  assert.deepEqual(supervisor.log, ['start web/0 port=3000'], 'nothing moved to 4000');
});

test('a file rewritten in place (emptied, then written again within 1 s) neither stops nor restarts its app', async () => {
  const { controller, files, store, supervisor, edit, timers } = setup();
  files.set('web.yaml', app('web', 'port: 3000'));
  await controller.start();
  await controller.settle();
  await edit('web.yaml', ''); // `cat > web.yaml` has truncated it
  timers.advance(300);
  await edit('web.yaml', app('web', 'port: 3000'));
  timers.advance(2_000);
  await controller.settle();
  assert.deepEqual(supervisor.log, ['start web/0 port=3000']);
  assert.deepEqual(store.events.list('web').map((e) => e.reason).filter((r) => r === 'Deleted' || r === 'Created'), ['Created'], 'never deleted and created again');
});

test('berth delete (reconcileNow after its own write) removes at once, without the grace', async () => {
  const { controller, files, supervisor } = setup();
  files.set('web.yaml', app('web', 'port: 3000'));
  await controller.start();
  await controller.settle();
  files.delete('web.yaml');
  await controller.reconcileNow();
  assert.deepEqual(supervisor.log, ['start web/0 port=3000', 'remove web/0']);
});

test('shutdown and a deleted app cancel pending hand-overs first (a replacement that never gets ready must not hold them up)', async () => {
  const { controller, files, supervisor, edit, timers } = setup();
  files.set('web.yaml', app('web', 'port: 3000'));
  files.set('api.yaml', app('api', 'port: 4000'));
  await controller.start();
  await controller.settle();
  await edit('api.yaml', undefined);
  timers.advance(1_005); // the vanish grace
  await controller.settle();
  assert.deepEqual(supervisor.cancelled, ['api']);
  assert.deepEqual(supervisor.log.slice(2), ['remove api/0']);
  await controller.shutdown({ stopApps: true });
  assert.deepEqual(supervisor.cancelled, ['api', 'all']);
});

test('a name defined twice: ManifestValid=False from the first reconcile, and the reconciled generation is observed', async () => {
  const { controller, files, store } = setup();
  files.set('a.yaml', app('dup', 'port: 3000'));
  files.set('b.yaml', app('dup', 'port: 3001'));
  await controller.start();
  await controller.settle();
  const info = await controller.appInfo('dup');
  assert.deepEqual([info.generation, info.observedGeneration], [1, 1]);
  const valid = store.apps.get('dup')!.conditions.find((c) => c.type === 'ManifestValid');
  assert.equal(valid?.status, 'False');
  assert.match(valid?.message ?? '', /"dup" is also defined in .*b\.yaml; this definition wins/);
});

test('list and info ask the instance layer for fresh samples before reading snapshots', async () => {
  const { supervisor, files, controller } = setup();
  files.set('web.yaml', app('web', 'port: 3000'));
  await controller.start();
  await controller.settle();
  assert.equal(supervisor.sampleRefreshes, 0, 'nobody asked: nothing is sampled on its behalf');
  await controller.listInstances();
  await controller.appInfo('web');
  assert.equal(supervisor.sampleRefreshes, 2);
});

test('list reads the store again after every write, and each view gets its own port lists', async () => {
  const { files, controller, edit, store } = setup();
  files.set('web.yaml', app('web', 'instances: 2, port: "3000-3003"'));
  await controller.start();
  await controller.settle();
  // What the allocator and the instance layer write (both are fakes here).
  const instanceRan = (index: number) => {
    store.allocations.insert([{ protocol: 'tcp', port: 3000 + index, owner: 'web', ownerKind: 'app', instance: index, role: 'port' }]);
    store.instances.upsert('web', index, { specHash: 'h', status: 'online' });
  };
  instanceRan(0);
  instanceRan(1);
  const first = await controller.listInstances();
  assert.deepEqual(first.map((v) => [v.instance, v.port]), [[0, 3000], [1, 3001]]);
  const listed = structuredClone(first);
  first[0]!.ports.tcp.push(9999); // a caller that sorts or extends what it got must not change the next answer
  first[1]!.ports.udp.push(9999);
  assert.deepEqual(await controller.listInstances(), listed);
  await edit('web.yaml', app('web', 'instances: 3, port: "3000-3003"'));
  instanceRan(2);
  assert.deepEqual((await controller.listInstances()).map((v) => v.port), [3000, 3001, 3002], 'the new instance and its port, read after the writes');
});

test('a change the watcher names by its file reloads that file alone; the report after the quiet time reads them all', async (t) => {
  const folder = mkdtempSync(path.join(tmpdir(), 'berth-ctl-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  writeFileSync(path.join(folder, 'web.yaml'), app('web', 'port: "3000-3003"'));
  writeFileSync(path.join(folder, 'api.yaml'), app('api', 'port: 4000'));
  const { controller, notify, supervisor } = setup({ folder });
  await controller.start();
  await controller.settle();
  assert.deepEqual(supervisor.log.sort(), ['start api/0 port=4000', 'start web/0 port=3000']);

  writeFileSync(path.join(folder, 'web.yaml'), app('web', 'instances: 2, port: "3000-3003"'));
  writeFileSync(path.join(folder, 'api.yaml'), app('api', 'port: 4001'));
  await notify(path.join(folder, 'web.yaml'));
  assert.deepEqual(supervisor.log.slice(2), ['start web/1 port=3001'], 'api.yaml not read yet');
  await notify();
  assert.ok(supervisor.log.slice(3).length > 0 && supervisor.log.slice(3).every((line) => line.includes('api/0')), supervisor.log.slice(3).join('; '));
});
