import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openStore } from '../../src/store/store.js';
import { startSyncLoop } from '../../src/sync/sync-loop.js';
import { requestSyncNow } from '../../src/sync/sync-trigger.js';
import { triggerFile } from '../../src/sync/sync-paths.js';
import type { SyncResult } from '../../src/sync/sync-source.js';
import type { BerthError } from '../../src/errors.js';
import { app, createRepo, tempDir } from './git-fixture.js';
import { waitFor as waitForCondition } from '../helpers/wait-for.js';

// git fetches on a loaded machine: 15 s rather than the helper's 5
const waitFor = (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000) => waitForCondition(check, { what, timeoutMs });

async function setup(t: Parameters<typeof tempDir>[0], intervalMs: number) {
  // after-hooks run in the order registered: stop the loop (and any git it runs) before its folder is removed
  const loops: ReturnType<typeof startSyncLoop>[] = [];
  let store: ReturnType<typeof openStore> | undefined;
  t.after(async () => {
    for (const loop of loops) await loop.stop();
    store?.close();
  });
  const root = await tempDir(t);
  const repo = await createRepo(path.join(root, 'infra'));
  const home = path.join(root, 'home');
  const dir = path.join(root, 'manifests');
  store = openStore(path.join(home, 'state.db'));
  const results: SyncResult[] = [];
  const errors: BerthError[] = [];
  const suspends: boolean[] = [];
  const start = (name = 'infra') => {
    const loop = startSyncLoop({
      store: store!, home, pollMs: 25,
      source: { name, repo: repo.dir, branch: null, path: '', dir, intervalMs, selfHeal: true, allowEmpty: false },
      onResult: (r) => results.push(r), onError: (e) => errors.push(e), onSuspendChange: (s) => suspends.push(s),
    });
    loops.push(loop);
    return loop;
  };
  const web = () => readFile(path.join(dir, 'sync-infra', 'web.yaml'), 'utf8').catch(() => '');
  return { repo, home, store: store!, results, errors, suspends, start, web };
}

test('the loop syncs at start and again every interval', async (t) => {
  const { repo, results, start, web } = await setup(t, 300);
  await repo.commit({ 'web.yaml': app('web') }, 'web');
  start();
  await waitFor('the first sync', async () => (await web()) === app('web'));
  await repo.commit({ 'web.yaml': app('web', 2) }, 'scale');
  await waitFor('the next interval', async () => (await web()) === app('web', 2));
  assert.ok(results.length >= 2);
  assert.deepEqual(results.at(-1)?.actions, [{ key: 'app/web', action: 'configured' }]);
});

test('a trigger file (berth sync --now) syncs at once; stop() ends the loop', async (t) => {
  const { repo, home, results, start, web } = await setup(t, 60_000);
  await repo.commit({ 'web.yaml': app('web') }, 'web');
  const loop = start();
  await waitFor('the first sync', () => results.length === 1);
  await repo.commit({ 'web.yaml': app('web', 4) }, 'scale');
  await requestSyncNow(home, 'infra');
  await waitFor('the triggered sync', async () => (await web()) === app('web', 4), 3000);
  assert.equal(existsSync(triggerFile(home, 'infra')), false);
  await loop.stop();
  const count = results.length;
  // A tick of the stopped loop, from syncNow or its timer, would take this trigger.
  await requestSyncNow(home, 'infra');
  loop.syncNow();
  await loop.stop(); // waits for a tick that syncNow might have started
  // A live loop with the same poll period serves as the clock: once it has taken its trigger, the stopped one had as long.
  start('control');
  await requestSyncNow(home, 'control');
  await waitFor('the live loop to take its trigger', () => !existsSync(triggerFile(home, 'control')));
  assert.equal(existsSync(triggerFile(home, 'infra')), true, 'the stopped loop ran no tick');
  assert.equal(results.filter((r) => r.name === 'infra').length, count);
});

test('a suspended source is not applied until resumed; resume syncs at once', async (t) => {
  const { repo, home, store, results, suspends, start, web } = await setup(t, 100);
  await repo.commit({ 'web.yaml': app('web') }, 'web');
  start();
  await waitFor('the first sync', () => results.length >= 1);
  store.sync.setSuspended('infra', true);
  await waitFor('the loop to notice', () => suspends.length === 1);
  const count = results.length;
  await repo.commit({ 'web.yaml': app('web', 3) }, 'scale while suspended');
  // Two requests taken while suspended: ticks do not overlap, so a sync the first had started would have ended
  // (and reported) before the second could be taken.
  for (let i = 0; i < 2; i++) {
    await requestSyncNow(home, 'infra');
    await waitFor('the suspended loop to take the request', () => !existsSync(triggerFile(home, 'infra')));
  }
  assert.equal(results.length, count);
  assert.equal(await web(), app('web'));
  store.sync.setSuspended('infra', false);
  await waitFor('the resumed sync', async () => (await web()) === app('web', 3));
  assert.deepEqual(suspends, [true, false]);
});

test('errors reach onError and the loop keeps going', async (t) => {
  const { repo, errors, start, web } = await setup(t, 100);
  await repo.commit({ 'web.yaml': 'apiVersion: nope\n' }, 'broken');
  start();
  await waitFor('an error', () => errors.length >= 1);
  assert.match(errors[0]!.message, /not applied: web\.yaml:1:13: apiVersion: must be "berth\/v1"/);
  await repo.commit({ 'web.yaml': app('web') }, 'fixed');
  await waitFor('the fix', async () => (await web()) === app('web'));
});
