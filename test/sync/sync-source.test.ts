import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, rm, mkdir, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openStore } from '../../src/store/store.js';
import { syncSource } from '../../src/sync/sync-source.js';
import { formatSyncResult } from '../../src/sync/format-sync.js';
import { readSyncStatus } from '../../src/sync/read-sync-status.js';
import { SyncError } from '../../src/sync/sync-error.js';
import type { SyncSourceSettings } from '../../src/store/sync-table.js';
import { app, createRepo, tempDir } from './git-fixture.js';

async function setup(t: Parameters<typeof tempDir>[0], { branch }: { branch?: string } = {}) {
  const root = await tempDir(t);
  const repo = await createRepo(path.join(root, 'infra.git'), { branch });
  const home = path.join(root, 'home');
  const dir = path.join(root, 'manifests');
  const store = openStore(path.join(home, 'state.db'));
  t.after(async () => store.close());
  const settings = (over: Partial<SyncSourceSettings> = {}): SyncSourceSettings => ({
    name: 'infra', repo: repo.dir, branch: null, path: '', dir, intervalMs: 30_000, selfHeal: true, allowEmpty: false, ...over,
  });
  const sync = async (over: Partial<SyncSourceSettings> = {}) => {
    store.sync.upsertSource(settings(over));
    return syncSource({ store, home, name: over.name ?? 'infra' });
  };
  const target = (file: string) => path.join(dir, 'sync-infra', file);
  return { root, repo, home, dir, store, sync, target };
}

const lines = (result: Awaited<ReturnType<typeof syncSource>>) => formatSyncResult(result);

test('a commit appears in the watched dir under sync-<name>/, mirroring the layout', async (t) => {
  const { repo, sync, target } = await setup(t);
  const rev = await repo.commit({ 'web.yaml': app('web'), 'db/pg.yml': app('pg'), 'README.md': '# not a manifest', '.github/ci.yaml': 'not: berth' }, 'first apps');
  const result = await sync();
  assert.equal(result.rev, rev);
  assert.deepEqual(lines(result), [`synced ${rev.slice(0, 7)} "first apps"`, 'app/pg created', 'app/web created']);
  assert.equal(await readFile(target('web.yaml'), 'utf8'), app('web'));
  assert.equal(await readFile(target('db/pg.yml'), 'utf8'), app('pg'));
  assert.equal(existsSync(target('README.md')), false);
  assert.equal(existsSync(target('.github')), false);
  // Nothing new: every resource unchanged, nothing written.
  const again = await sync();
  assert.deepEqual(lines(again).slice(1), ['app/pg unchanged', 'app/web unchanged']);
  assert.equal(again.changed, false);
});

test('works with a file:// URL and follows the remote HEAD branch', async (t) => {
  const { repo, sync, target, store } = await setup(t, { branch: 'trunk' });
  await repo.commit({ 'web.yaml': app('web') }, 'on trunk');
  const result = await sync({ repo: pathToFileURL(repo.dir).href });
  assert.equal(result.branch, 'trunk');
  assert.ok(existsSync(target('web.yaml')));
  assert.equal(readSyncStatus(store)[0]?.branch, 'trunk');
});

test('--branch and --path pick what is synced', async (t) => {
  const { repo, sync, target } = await setup(t);
  await repo.commit({ 'deploy/prod/web.yaml': app('web'), 'deploy/dev/web.yaml': app('web-dev'), 'root.yaml': app('root') }, 'layout');
  const result = await sync({ path: 'deploy/prod' });
  assert.deepEqual(result.actions, [{ key: 'app/web', action: 'created' }]);
  assert.ok(existsSync(target('web.yaml')));
  await assert.rejects(sync({ branch: 'nope' }), /branch "nope" not found/);
});

test('changing instances in a commit configures; removing a file prunes it and its emptied folder', async (t) => {
  const { repo, sync, target } = await setup(t);
  await repo.commit({ 'web.yaml': app('web'), 'jobs/worker.yaml': app('worker') }, 'two apps');
  await sync();
  const rev = await repo.commit({ 'web.yaml': app('web', 3) }, 'scale web');
  const scaled = await sync();
  assert.deepEqual(lines(scaled), [`synced ${rev.slice(0, 7)} "scale web"`, 'app/worker unchanged', 'app/web configured']);
  assert.match(await readFile(target('web.yaml'), 'utf8'), /instances: 3/);
  await repo.commit({ 'jobs/worker.yaml': null }, 'drop worker');
  const pruned = await sync();
  assert.deepEqual(lines(pruned).slice(1), ['app/web unchanged', 'app/worker pruned']);
  assert.equal(existsSync(target('jobs/worker.yaml')), false);
  assert.equal(existsSync(target('jobs')), false);
});

test('a resource moved between files is configured or unchanged, not created and pruned', async (t) => {
  const { repo, sync } = await setup(t);
  await repo.commit({ 'a.yaml': app('web') }, 'a');
  await sync();
  await repo.commit({ 'a.yaml': null, 'b.yaml': app('web') }, 'move');
  assert.deepEqual((await sync()).actions, [{ key: 'app/web', action: 'unchanged' }]);
});

test('an invalid manifest: the revision is not applied, reported with file:line:col and revision', async (t) => {
  const { repo, sync, target, store } = await setup(t);
  const good = await repo.commit({ 'web.yaml': app('web'), 'api.yaml': app('api') }, 'good');
  await sync();
  const bad = await repo.commit({ 'web.yaml': app('web', 5), 'api.yaml': app('api').replace('instances: 1', 'instances: lots') }, 'break api');
  const error = await sync().then(() => assert.fail('expected an error'), (err: unknown) => err as SyncError);
  assert.ok(error instanceof SyncError);
  assert.equal(error.code, 'SYNC_FAILED');
  assert.match(error.message, new RegExp(`^revision ${bad.slice(0, 7)} "break api" not applied: api\\.yaml:7:14: spec\\.instances`));
  assert.equal(error.rev, bad);
  // The good web.yaml change in the same commit is not applied either.
  assert.equal(await readFile(target('web.yaml'), 'utf8'), app('web'));
  assert.equal(await readFile(target('api.yaml'), 'utf8'), app('api'));
  const [status] = readSyncStatus(store);
  assert.equal(status?.lastApplied?.rev, good);
  assert.equal(status?.lastFetched?.rev, bad);
  assert.match(status?.lastError?.message ?? '', /api\.yaml:7:14/);
  assert.deepEqual(status?.conditions[0] && [status.conditions[0].status, status.conditions[0].reason], ['False', 'SyncFailed']);
  // Fixed in the next commit: applied, error cleared, Ready.
  await repo.commit({ 'api.yaml': app('api', 2) }, 'fix api');
  await sync();
  const [fixed] = readSyncStatus(store);
  assert.equal(fixed?.lastError, null);
  assert.equal(fixed?.conditions[0]?.status, 'True');
  assert.match(await readFile(target('web.yaml'), 'utf8'), /instances: 5/);
});

test('every error of a revision is kept; one name in two files is refused', async (t) => {
  const { repo, sync, store } = await setup(t);
  await repo.commit({ 'a.yaml': app('web'), 'b.yaml': app('web'), 'c.yaml': 'kind: [' }, 'dupes');
  const error = (await sync().catch((e: unknown) => e)) as SyncError;
  assert.equal(error.details.length, 2);
  assert.match(error.message, /\(and 1 more\)$/);
  assert.ok(error.details.some((d) => /^b\.yaml:1:1: metadata\.name: "web" is already defined in a\.yaml/.test(d)));
  assert.ok(error.details.some((d) => /^c\.yaml:\d+:\d+: invalid YAML/.test(d)));
  assert.match(store.sync.get('infra')?.lastError?.message ?? '', /b\.yaml.*; c\.yaml/);
});

test('hand-made manifests, in the watched dir or in sync-<name>/, are never pruned or overwritten', async (t) => {
  const { repo, sync, dir, target } = await setup(t);
  await mkdir(target(''), { recursive: true });
  await writeFile(path.join(dir, 'mine.yaml'), app('mine'));
  await writeFile(target('local.yaml'), app('local'));
  await repo.commit({ 'web.yaml': app('web') }, 'web');
  await sync();
  await repo.commit({ 'web.yaml': app('web', 2) }, 'scale');
  await sync();
  await repo.commit({ 'web.yaml': null, 'keep.yaml': app('keep') }, 'swap');
  assert.deepEqual((await sync()).actions, [{ key: 'app/keep', action: 'created' }, { key: 'app/web', action: 'pruned' }]);
  assert.equal(await readFile(path.join(dir, 'mine.yaml'), 'utf8'), app('mine'));
  assert.equal(await readFile(target('local.yaml'), 'utf8'), app('local'));
  // The repo now wants a file where a hand-made one stands: refused, the file kept.
  await repo.commit({ 'local.yaml': app('from-git') }, 'collide');
  await assert.rejects(sync(), /sync-infra\/local\.yaml already exist\(s\) and was not written by this sync/);
  assert.equal(await readFile(target('local.yaml'), 'utf8'), app('local'));
});

test('an empty or missing path refuses to prune everything unless allowEmpty', async (t) => {
  const { repo, sync, target } = await setup(t);
  await repo.commit({ 'apps/web.yaml': app('web') }, 'web');
  await sync({ path: 'apps' });
  const rev = await repo.commit({ 'apps/web.yaml': null, 'other.txt': 'x' }, 'empty apps');
  await assert.rejects(sync({ path: 'apps' }), new RegExp(`path "apps" has no manifests at revision ${rev.slice(0, 7)} "empty apps"; refusing to prune the 1 file\\(s\\) synced earlier \\(pass --allow-empty`));
  assert.ok(existsSync(target('web.yaml')));
  await assert.rejects(sync({ path: 'typo' }), /path "typo" has no manifests/);
  const result = await sync({ path: 'apps', allowEmpty: true });
  assert.deepEqual(result.actions, [{ key: 'app/web', action: 'pruned' }]);
  assert.equal(existsSync(target('web.yaml')), false);
});

test('self-heal restores a synced file edited or deleted by hand', async (t) => {
  const { repo, sync, target } = await setup(t);
  await repo.commit({ 'web.yaml': app('web'), 'api.yaml': app('api') }, 'apps');
  await sync();
  await writeFile(target('web.yaml'), app('web', 9));
  await rm(target('api.yaml'));
  const healed = await sync();
  assert.deepEqual(healed.actions, [{ key: 'app/api', action: 'created' }, { key: 'app/web', action: 'configured' }]);
  assert.equal(await readFile(target('web.yaml'), 'utf8'), app('web'));
  assert.equal(await readFile(target('api.yaml'), 'utf8'), app('api'));
});

test('without self-heal, hand edits stay until the repository changes the file', async (t) => {
  const { repo, sync, target } = await setup(t);
  await repo.commit({ 'web.yaml': app('web') }, 'web');
  await sync({ selfHeal: false });
  await writeFile(target('web.yaml'), app('web', 9));
  const kept = await sync({ selfHeal: false });
  assert.deepEqual(kept.driftKept, ['web.yaml']);
  assert.equal(kept.changed, false);
  assert.match(formatSyncResult(kept).at(-1)!, /sync-infra\/web\.yaml differs from the repository; left as edited/);
  assert.equal(await readFile(target('web.yaml'), 'utf8'), app('web', 9));
  await repo.commit({ 'web.yaml': app('web', 2) }, 'scale');
  await sync({ selfHeal: false });
  assert.equal(await readFile(target('web.yaml'), 'utf8'), app('web', 2));
});

test('an unreachable repository is a one-line error recorded in the status', async (t) => {
  const { root, sync, store } = await setup(t);
  const error = (await sync({ repo: path.join(root, 'missing') }).catch((e: unknown) => e)) as Error;
  assert.match(error.message, /^git ls-remote: /);
  assert.doesNotMatch(error.message, /\n/);
  assert.equal(readSyncStatus(store)[0]?.conditions[0]?.reason, 'SyncFailed');
  assert.deepEqual(await readdir(root), ['home', 'infra.git']);
});
