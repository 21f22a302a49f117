// The Controller in memory when its inputs fail: a manifest directory that
// cannot be read (at start, at run time), a file or folder below it that
// cannot be read. Nothing of this may ever stop a running app.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadManifestDir, ManifestDirError } from '../../src/manifest/load-manifest-dir.js';
import type { Store } from '../../src/store/store.js';
import { app, DIR, controllerHarness as setup } from '../helpers/controller-harness.js';

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'berth-faults-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

test('a manifest directory that cannot be read at start fails start and stops nothing', async () => {
  const first = setup();
  first.files.set('web.yaml', app('web', 'port: 3000'));
  await first.controller.start();
  await first.controller.settle();
  await first.controller.shutdown({ stopApps: false });

  const second = setup({ store: first.store });
  second.failDir(new ManifestDirError('/srv/berth/manifsts', 'ENOENT'));
  await assert.rejects(second.controller.start(), /manifest directory \/srv\/berth\/manifsts: ENOENT/);
  await second.controller.settle();
  assert.deepEqual(second.supervisor.log, [], 'nothing started, nothing removed');
  assert.notEqual(second.store.apps.get('web'), undefined, 'the app is still known');
});

test('a manifest directory that vanishes at run time keeps the last good desired state, says so, and is picked up again', async () => {
  const { controller, files, store, supervisor, notify, failDir, timers } = setup();
  files.set('web.yaml', app('web', 'port: 3000'));
  await controller.start();
  await controller.settle();

  failDir(new ManifestDirError(DIR, 'ENOENT'));
  await notify();
  timers.advance(30_000); // the resync reconciles every app too
  await controller.settle();
  assert.deepEqual(supervisor.log, ['start web/0 port=3000'], 'web keeps running');
  assert.deepEqual(controller.status().warnings, [`manifest directory ${DIR}: ENOENT; the controller keeps the last good desired state`]);
  const unavailable = store.events.list('web').filter((e) => e.reason === 'ManifestDirUnavailable');
  assert.equal(unavailable.length, 1, 'one event per outage, not one per reload');

  failDir(undefined);
  files.set('api.yaml', app('api', 'port: 4000'));
  await notify();
  assert.deepEqual(controller.status().warnings, []);
  assert.deepEqual(supervisor.log, ['start web/0 port=3000', 'start api/0 port=4000']);
  assert.ok(store.events.list('web').some((e) => e.reason === 'ManifestDirRestored'));
});

test('a file or folder that cannot be read is an error of that path alone; the others go on', async (t) => {
  const dir = tempDir(t);
  writeFileSync(path.join(dir, 'web.yaml'), app('web', 'port: 3000'));
  mkdirSync(path.join(dir, 'team'));
  writeFileSync(path.join(dir, 'team', 'api.yaml'), app('api', 'port: 4000'));
  const { controller, supervisor, store, edit } = setup({ loadManifests: () => loadManifestDir(dir) });
  await controller.start();
  await controller.settle();
  assert.deepEqual(supervisor.log.sort(), ['start api/0 port=4000', 'start web/0 port=3000']);

  // Root reads any file whatever its mode: a symlink loop fails to open (ELOOP) for everyone.
  unlinkSync(path.join(dir, 'web.yaml'));
  symlinkSync('web-loop.yaml', path.join(dir, 'web.yaml'));
  symlinkSync('web.yaml', path.join(dir, 'web-loop.yaml'));
  rmSync(path.join(dir, 'team'), { recursive: true });
  symlinkSync('team-loop', path.join(dir, 'team'));
  symlinkSync('team', path.join(dir, 'team-loop'));
  writeFileSync(path.join(dir, 'new.yaml'), app('fresh', 'port: 5000'));
  await edit('unused', undefined);
  assert.deepEqual(supervisor.log.slice(2), ['start fresh/0 port=5000'], 'the new app starts; web and api are kept');
  const valid = store.apps.get('web')!.conditions.find((c) => c.type === 'ManifestValid');
  assert.match(valid?.message ?? '', /web\.yaml:1:1: cannot read: ELOOP/);
  assert.match(store.apps.get('api')!.conditions.find((c) => c.type === 'ManifestValid')?.message ?? '', /team:1:1: cannot read: ELOOP/);
});

/** Makes the store's writes fail as a full disk does (better-sqlite3's own error), until `free()`. */
function fillDisk(store: Store): { free: () => void } {
  const full = () => {
    throw new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
  };
  const saved = { setCondition: store.apps.setCondition, record: store.events.record, set: store.meta.set };
  store.apps.setCondition = full;
  store.events.record = full;
  store.meta.set = full;
  return {
    free: () => {
      store.apps.setCondition = saved.setCondition;
      store.events.record = saved.record;
      store.meta.set = saved.set;
    },
  };
}

test('a full disk never throws out of a timer: the Ready write is retried, info shows the fault, an event tells it afterwards', async () => {
  const { controller, files, store, supervisor, timers } = setup();
  files.set('web.yaml', app('web', 'port: 3000'));
  await controller.start();
  await controller.settle();
  timers.advance(50);
  assert.equal(store.apps.get('web')!.conditions.find((c) => c.type === 'Ready')?.status, 'True');

  const disk = fillDisk(store);
  supervisor.setStatus('web', 0, 'crashloop');
  timers.advance(50); // the batch timer: its write fails, nothing is thrown
  timers.advance(3_000); // retried, and the store probed, every second: still full
  const info = await controller.appInfo('web');
  assert.equal(info.storeFault?.message, 'database or disk is full');
  assert.ok(info.storeFault!.failures >= 3, `retried: ${info.storeFault!.failures} failures`);
  assert.equal(store.apps.get('web')!.conditions.find((c) => c.type === 'Ready')?.status, 'True', 'not written yet');

  disk.free();
  timers.advance(1_000);
  const ready = store.apps.get('web')!.conditions.find((c) => c.type === 'Ready');
  assert.deepEqual([ready?.status, ready?.reason], ['False', 'InstancesFailing'], 'the retried write landed');
  assert.equal((await controller.appInfo('web')).storeFault, undefined);
  const event = store.events.list('web').find((e) => e.reason === 'StoreWriteFailed');
  assert.match(event?.message ?? '', /^the store could not be written for \d+ s \(database or disk is full; \d+ failed writes, retried\)$/);
  await controller.shutdown({ stopApps: false });
});

test('shutdown on a full disk still stops the apps and finishes', async () => {
  const { controller, files, store, supervisor, shutdowns } = setup();
  files.set('web.yaml', app('web', 'port: 3000'));
  await controller.start();
  await controller.settle();
  fillDisk(store);
  await controller.shutdown({ stopApps: true });
  assert.equal(supervisor.get('web', 0)?.stopped, true);
  assert.equal(shutdowns(), 1);
});

test('a resync due as the controller shuts down never reads the closed store', async () => {
  const { controller, files, store, timers } = setup();
  files.set('web.yaml', app('web', 'port: 3000'));
  await controller.start();
  await controller.settle();
  const unhandled: unknown[] = [];
  const onUnhandled = (err: unknown) => unhandled.push(err);
  process.on('unhandledRejection', onUnhandled);
  try {
    timers.advance(30_000); // the resync starts: its reload is in flight
    await controller.shutdown({ stopApps: false });
    store.close(); // what the daemon does right after
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
  assert.deepEqual(unhandled, []);
});
