// SPEC "Ownership": app output goes only to regular files berth created. A
// user's file named as logs.out keeps its content byte for byte, a FIFO
// there never freezes the controller, a symlink planted in <home>/logs is
// never followed: each is a SpawnFailed `logs.out: FILE exists and was not
// created by berth`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BerthHarness, BIN } from '../helpers/berth-harness.js';
import { waitFor } from '../helpers/wait-for.js';
import type { AppInfo } from '../../src/api/api-types.js';

function app(name: string, logs: string): string {
  return `apiVersion: berth/v1\nkind: App\nmetadata: {name: ${name}}\nspec: {script: sh, args: ["-c", "echo evil::0:0::/root:/bin/sh; sleep 1000"], logs: ${logs}, restartBackoff: {initial: 200ms, max: 1s}}\n`;
}

async function spawnFailure(berth: BerthHarness, name: string): Promise<string> {
  let message = '';
  await waitFor(async () => {
    const res = await berth.cli(['info', name, '-o', 'json']);
    if (res.code !== 0) return false;
    message = (JSON.parse(res.stdout) as AppInfo).events.find((e) => e.reason === 'SpawnFailed')?.message ?? '';
    return message !== '';
  }, { what: `a SpawnFailed event of ${name}`, timeoutMs: 20_000 });
  return message;
}

test('a pre-existing file named as logs.out keeps its content byte for byte, even with a tiny maxSize', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const decoy = path.join(berth.root, 'decoy', 'passwd');
  mkdirSync(path.dirname(decoy));
  copyFileSync('/etc/passwd', decoy);
  const before = readFileSync(decoy);
  await berth.up();
  await berth.writeManifest('logdecoy.yaml', app('logdecoy', `{out: ${decoy}, maxSize: 1K}`));
  assert.equal(await spawnFailure(berth, 'logdecoy'), `logs.out: ${decoy} exists and was not created by berth`);
  // a few more attempts and sweep ticks: still untouched, nothing rotated next to it
  await waitFor(async () => (await berth.instances()).some((r) => r.restarts >= 2), { what: 'two more attempts', timeoutMs: 20_000 });
  assert.deepEqual(readFileSync(decoy), before);
  assert.equal(existsSync(`${decoy}.1`), false);
  // `berth flush` (pm2 flush) truncates only what berth created: the user's file and a copy beside it stay.
  writeFileSync(`${decoy}.1`, 'a user file that looks rotated\n');
  const flushed = await berth.cli(['flush', 'logdecoy']);
  assert.equal(flushed.code, 0, flushed.stderr);
  assert.deepEqual(readFileSync(decoy), before);
  assert.equal(readFileSync(`${decoy}.1`, 'utf8'), 'a user file that looks rotated\n');
});

test('a FIFO as logs.out is refused at once and berth list keeps answering', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const fifo = path.join(berth.root, 'fifo');
  execFileSync('mkfifo', [fifo]);
  await berth.up();
  await berth.writeManifest('logfifo.yaml', app('logfifo', `{out: ${fifo}}`));
  assert.equal(await spawnFailure(berth, 'logfifo'), `logs.out: ${fifo} exists and was not created by berth`);
  // the controller answers (not the offline fallback), and before a 2 s limit kills the CLI
  const res = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [BIN, '--home', berth.home, 'list', '-o', 'json'], { timeout: 2_000 }, (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr }));
  });
  assert.equal(res.code, 0, res.stderr);
  assert.doesNotMatch(res.stderr, /not running/);
  assert.equal((JSON.parse(res.stdout) as { app: string }[])[0]?.app, 'logfifo');
});

test('a symlink planted in <home>/logs is never followed: its target keeps its content', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const rootfile = path.join(berth.root, 'rootfile');
  writeFileSync(rootfile, 'root only\n', { mode: 0o600 });
  mkdirSync(path.join(berth.home, 'logs'), { recursive: true, mode: 0o700 });
  const planted = path.join(berth.home, 'logs', 'victim-0.out.log');
  symlinkSync(rootfile, planted);
  await berth.up();
  await berth.writeManifest('victim.yaml', app('victim', '{maxSize: 1K}'));
  assert.equal(await spawnFailure(berth, 'victim'), `logs.out: ${planted} exists and was not created by berth`);
  assert.equal(readFileSync(rootfile, 'utf8'), 'root only\n');
});
