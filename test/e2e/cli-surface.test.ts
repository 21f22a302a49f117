// The rest of the CLI surface: --help everywhere, unknown flags are errors,
// logs, apply --prune -l, delete -f, -o yaml, up --detach, up --git.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { BerthHarness, helloApp } from '../helpers/berth-harness.js';
import { freePort } from '../helpers/free-ports.js';
import { createRepo } from '../sync/git-fixture.js';

const COMMANDS = ['up', 'down', 'apply', 'diff', 'delete', 'list', 'info', 'env', 'restart', 'reload', 'stop', 'start', 'scale', 'logs', 'flush', 'ports', 'sync', 'startup', 'unstartup', 'completion', 'dashboard', 'top'];

test('--help on every command; unknown commands and flags are one-line errors', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  for (const name of COMMANDS) {
    const res = await berth.cli([name, '--help']);
    assert.equal(res.code, 0, `${name} --help: ${res.stderr}`);
    assert.match(res.stdout, new RegExp(`^Usage: berth ${name}`), name);
    assert.match(res.stdout, /^Examples:\n  (sudo |source <\()?berth /m, `${name} --help has examples`);
  }
  const unknownFlag = await berth.cli(['list', '--colour']);
  assert.equal(unknownFlag.code, 1);
  assert.match(unknownFlag.stderr, /^Error: Unknown option '--colour'/);
  assert.equal(unknownFlag.stderr.trim().split('\n').length, 1);
  const unknownCommand = await berth.cli(['frobnicate']);
  assert.deepEqual([unknownCommand.code, unknownCommand.stderr.trim()], [1, 'Error: unknown command "frobnicate"; run `berth --help` for the list']);
});

test('logs, list -o yaml, apply --prune -l, delete -f', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const [p1, p2] = [await freePort(), await freePort()];
  const labelled = (name: string, port: number) => helloApp({ name, port: String(port) }).replace(`  name: ${name}`, `  name: ${name}\n  labels: {team: a}`);
  const input = path.join(berth.root, 'input');
  const { mkdir } = await import('node:fs/promises');
  await mkdir(input);
  await writeFile(path.join(input, 'one.yaml'), labelled('one', p1));
  await writeFile(path.join(input, 'two.yaml'), labelled('two', p2));
  const applied = await berth.cli(['apply', '-f', input, '--wait']);
  assert.equal(applied.code, 0, applied.stderr);
  assert.deepEqual(applied.stdout.trim().split('\n'), ['app/one created', 'app/two created']);

  const yaml = parse((await berth.cli(['list', '-o', 'yaml'])).stdout) as { app: string; status: string }[];
  assert.deepEqual(yaml.map((r) => [r.app, r.status]), [['one', 'online'], ['two', 'online']]);

  const logs = await berth.cli(['logs', 'one', '--lines', '5']);
  assert.equal(logs.code, 0, logs.stderr);
  assert.match(logs.stdout, new RegExp(`^one/0 \\| listening on ${p1}$`, 'm'));

  const { rm } = await import('node:fs/promises');
  await rm(path.join(input, 'two.yaml'));
  const pruned = await berth.cli(['apply', '-f', input, '--prune', '-l', 'team=a', '--wait']);
  assert.equal(pruned.code, 0, pruned.stderr);
  assert.deepEqual(pruned.stdout.trim().split('\n'), ['app/one unchanged', 'app/two pruned']);
  assert.deepEqual(await readdir(berth.dir), ['one.yaml']);
  await berth.waitFor((r) => r.length === 1 && r[0]!.app === 'one', 'two pruned');

  const deleted = await berth.cli(['delete', '-f', path.join(input, 'one.yaml')]);
  assert.equal(deleted.code, 0, deleted.stderr);
  assert.equal(deleted.stdout.trim(), 'app/one deleted');
  assert.deepEqual(await berth.instances(), []);
});

test('up --detach returns once the controller answers; down stops it', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const res = await berth.cli(['up', '--dir', berth.dir, '--detach']);
  assert.equal(res.code, 0, res.stderr);
  assert.match(res.stdout, /^controller running in the background \(pid (\d+)\)/);
  const pid = Number(/pid (\d+)/.exec(res.stdout)![1]);
  const again = await berth.cli(['up', '--dir', berth.dir]);
  assert.equal(again.code, 1);
  assert.match(again.stderr, new RegExp(`^Error: a controller is already running for .* \\(pid ${pid}`));
  assert.equal((await berth.cli(['down'])).code, 0);
  assert.throws(() => process.kill(pid, 0));
});

test('up --git runs a sync loop inside the controller', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const repo = await createRepo(path.join(berth.root, 'repo'));
  await repo.commit({ 'web.yaml': helloApp({ name: 'web', port: String(await freePort()) }) }, 'add web');
  await berth.up(['--git', repo.dir, '--git-interval', '1s']);
  await berth.waitFor((r) => r.some((i) => i.app === 'web' && i.status === 'online'), 'web from git online');
  await repo.commit({ 'web.yaml': null, 'keep.yaml': helloApp({ name: 'keep' }) }, 'swap');
  await berth.waitFor((r) => !r.some((i) => i.app === 'web') && r.some((i) => i.app === 'keep'), 'web pruned by the loop');
});
