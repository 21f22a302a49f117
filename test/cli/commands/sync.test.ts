import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { command } from '../../../src/cli/commands/sync.js';
import type { CommandContext } from '../../../src/cli/command.js';
import { UsageError } from '../../../src/errors.js';
import { app, createRepo, tempDir } from '../../sync/git-fixture.js';
import { waitFor } from '../../helpers/wait-for.js';

async function setup(t: Parameters<typeof tempDir>[0]) {
  const root = await tempDir(t);
  const repo = await createRepo(path.join(root, 'infra'));
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CommandContext = {
    home: path.join(root, 'home'), cwd: root, env: {}, out: (l) => out.push(l), err: (l) => err.push(l), stdin: Readable.from([]), isTTY: false, color: false,
  };
  const run = (...argv: string[]) => command.run({ values: {}, positionals: [], argv }, ctx);
  return { root, repo, out, err, ctx, run };
}

test('--once syncs a path repo into ./manifests/sync-<name>/ and prints apply-style lines', async (t) => {
  const { root, repo, out, run } = await setup(t);
  const rev = await repo.commit({ 'web.yaml': app('web') }, 'add web');
  assert.equal(await run('--repo', 'infra', '--once'), 0);
  assert.deepEqual(out, [`synced ${rev.slice(0, 7)} "add web"`, 'app/web created']);
  assert.equal(await readFile(path.join(root, 'manifests', 'sync-infra', 'web.yaml'), 'utf8'), app('web'));

  out.length = 0;
  assert.equal(await run('status', '-o', 'json'), 0);
  const [status] = JSON.parse(out.join('\n')) as { name: string; lastApplied: { rev: string; subject: string }; conditions: { type: string; status: string }[] }[];
  assert.equal(status?.name, 'infra');
  assert.deepEqual([status?.lastApplied.rev, status?.lastApplied.subject], [rev, 'add web']);
  assert.deepEqual(status?.conditions.map((c) => [c.type, c.status]), [['Ready', 'True']]);

  out.length = 0;
  await run('status');
  const [header, row] = out.join('\n').split('\n');
  assert.match(header!, /^NAME\s+REPO\s+BRANCH\s+PATH\s+FETCHED\s+APPLIED\s+READY\s+SUSPENDED$/);
  assert.match(row ?? '', new RegExp(`^infra\\s+\\S+infra\\s+main\\s+\\.\\s+${rev.slice(0, 7)} \\(\\d+s\\)\\s+${rev.slice(0, 7)} "add web" \\(\\d+s\\)\\s+True\\s+no$`));
});

test('--once on an invalid revision exits through an error naming file:line:col and revision', async (t) => {
  const { repo, err, run, out } = await setup(t);
  const rev = await repo.commit({ 'a.yaml': 'apiVersion: berth/v1\nkind: Job\n', 'b.yaml': app('b').replace('node', '') }, 'bad');
  await assert.rejects(run('--repo', 'infra', '--once', '--name', 'apps'), (e: Error & { code?: string }) => {
    assert.equal(e.code, 'SYNC_FAILED');
    assert.match(e.message, new RegExp(`^revision ${rev.slice(0, 7)} "bad" not applied: a\\.yaml:2:7: kind: must be App or PortClaim.*\\(and 1 more\\)$`));
    return true;
  });
  assert.equal(err.length, 2);
  assert.match(err[1]!, /^ {2}b\.yaml:\d+:\d+: /);
  out.length = 0;
  await run('status');
  assert.match(out.join('\n'), /Errors:\n {2}apps: revision .* a\.yaml:2:7: .*; b\.yaml/);
});

test('--suspend and --resume flag a source; unknown names and flags are errors', async (t) => {
  const { repo, out, run } = await setup(t);
  await repo.commit({ 'web.yaml': app('web') }, 'web');
  await run('--repo', 'infra', '--once');
  out.length = 0;
  assert.equal(await run('--suspend', 'infra'), 0);
  assert.equal(await run('--repo', 'infra', '--once'), 0);
  assert.match(out.join('\n'), /sync\/infra suspended\nsync\/infra is suspended; nothing done/);
  assert.equal(await run('--resume', 'infra'), 0);
  await assert.rejects(run('--suspend', 'nope'), /no sync source named "nope"/);
  await assert.rejects(run('--repo', 'infra', '--bogus'), (e) => e instanceof UsageError && /--bogus/.test(e.message));
  await assert.rejects(run('status', '--repo', 'x'), UsageError);
  await assert.rejects(run('--branch', 'main'), /exactly one of/);
  await assert.rejects(run('--now', '--once'), /--once goes with --repo/);
  await assert.rejects(run('--repo', 'infra', '--name', 'Bad_Name', '--once'), /--name: "Bad_Name" is not a valid name/);
});

test('--now leaves a trigger for a running loop; the foreground loop stops on SIGTERM', async (t) => {
  const { root, repo, out, ctx, run } = await setup(t);
  await repo.commit({ 'web.yaml': app('web') }, 'web');
  const loop = run('--repo', 'infra', '--interval', '1h');
  const file = path.join(root, 'manifests', 'sync-infra', 'web.yaml');
  await waitFor(() => existsSync(file), { what: 'the first sync' });
  await repo.commit({ 'web.yaml': app('web', 2) }, 'scale');
  assert.equal(await run('--now'), 0);
  assert.match(out.join('\n'), /sync\/infra sync requested/);
  await waitFor(async () => (await readFile(file, 'utf8')) === app('web', 2), { what: 'the requested sync' });
  assert.equal(existsSync(path.join(ctx.home, 'sync', 'infra', 'trigger')), false);
  process.emit('SIGTERM');
  assert.equal(await loop, 0);
  assert.ok(out.includes('app/web configured'));
  assert.ok(!out.includes('app/web unchanged') || out.indexOf('app/web unchanged') < out.indexOf('app/web configured'));
});

test('without --dir, sync writes into the folder the controller watches (as apply does), not ./manifests', async (t) => {
  const { root, repo, run } = await setup(t);
  const watched = path.join(root, 'srv', 'watched');
  const { openStore } = await import('../../../src/store/store.js');
  const store = openStore(path.join(root, 'home', 'state.db'));
  store.meta.set('manifest_dir', watched); // what `berth up --dir srv/watched` records
  store.close();
  await repo.commit({ 'web.yaml': app('web') }, 'add web');
  assert.equal(await run('--repo', 'infra', '--once'), 0);
  assert.equal(await readFile(path.join(watched, 'sync-infra', 'web.yaml'), 'utf8'), app('web'));
  assert.equal(existsSync(path.join(root, 'manifests')), false);
});
