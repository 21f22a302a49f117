// SPEC "One controller per home": two `berth up` started at once give one
// controller and one `Error: a controller is already running for HOME (pid
// N)`; a stopped (SIGSTOP) controller still holds the home, and `down` does
// not stop apps behind its back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';
import { BIN, BerthHarness, sleeperApp } from '../helpers/berth-harness.js';
import { isProcessAlive } from '../../src/process/is-process-alive.js';

/** Live `sleep MARKER` processes: the apps of this test, counted from outside berth. */
function sleepers(marker: string): number {
  const res = spawnSync('pgrep', ['-fc', `^sleep ${marker}$`], { encoding: 'utf8' });
  return Number(res.stdout.trim() || 0);
}

test('two `up --detach` at once: one controller, the other refused with the SPEC message; no duplicate apps', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const marker = String(10_000 + (process.pid % 50_000));
  await berth.writeManifest('solo.yaml', sleeperApp('solo', 'instances: 2', marker));
  const results = await Promise.all([1, 2, 3].map(() => berth.cli(['up', '--dir', berth.dir, '--detach'])));
  const started = results.filter((r) => r.code === 0);
  const refused = results.filter((r) => r.code !== 0);
  assert.equal(started.length, 1, JSON.stringify(results));
  const pid = Number(/\(pid (\d+)\)/.exec(started[0]!.stdout)?.[1]);
  for (const r of refused) assert.equal(r.stderr.trim(), `Error: a controller is already running for ${berth.home} (pid ${pid})`);
  await berth.waitFor((rows) => rows.filter((r) => r.status === 'online').length === 2, '2 online');
  assert.equal(sleepers(marker), 2, 'no duplicate processes');

  const again = await berth.cli(['up', '--dir', berth.dir]);
  assert.equal(again.code, 1);
  assert.equal(again.stderr.trim(), `Error: a controller is already running for ${berth.home} (pid ${pid})`);

  const down = await berth.cli(['down']);
  assert.equal(down.code, 0, down.stderr);
  assert.equal(isProcessAlive(pid), false);
  assert.equal(sleepers(marker), 0);
});

test('a SIGSTOPped controller still holds the home: up is refused, down stops nothing behind its back', async (t) => {
  const berth = await BerthHarness.create();
  t.after(async () => {
    if (berth.controller?.exitCode === null) berth.controller.kill('SIGCONT');
    await berth.cleanup();
  });
  const marker = String(10_000 + ((process.pid + 1) % 50_000));
  await berth.up();
  await berth.writeManifest('solo.yaml', sleeperApp('solo', '', marker));
  await berth.waitFor((rows) => rows.some((r) => r.status === 'online'), 'online');
  const pid = berth.controller!.pid!;
  process.kill(pid, 'SIGSTOP');

  const up = await berth.cli(['up', '--dir', berth.dir, '--detach']);
  assert.equal(up.code, 1);
  assert.equal(up.stderr.trim(), `Error: a controller is already running for ${berth.home} (pid ${pid})`);
  const down = await berth.cli(['down']);
  assert.equal(down.code, 1);
  assert.match(down.stderr, new RegExp(`^Error: the controller of .* \\(pid ${pid}\\) holds the home but does not answer`));
  assert.equal(sleepers(marker), 1, 'the app was left alone');
  const list = await berth.cli(['list']);
  assert.equal(list.code, 0, 'list falls back to the store');
  assert.match(list.stderr, new RegExp(`^note: the controller \\(pid ${pid}\\) holds .* but does not answer \\(starting, stopped or hung\\?\\); showing the last recorded state$`, 'm'));

  process.kill(pid, 'SIGCONT');
  const rows = await berth.waitFor((r) => r.some((i) => i.status === 'online'), 'the controller answers again');
  assert.equal(rows.length, 1);
  assert.equal((await berth.cli(['down'])).code, 0);
  assert.equal(sleepers(marker), 0);
});

test('a user who may not reach the controller is told why, not that no controller runs', async (t) => {
  if (process.getuid?.() !== 0) return t.skip('needs root to run berth as another user');
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  chmodSync(berth.root, 0o755);
  chmodSync(berth.home, 0o755); // a home made beforehand with mkdir: others may look in, the socket stays 0600
  const res = spawnSync(process.execPath, [BIN, '--home', berth.home, 'list'], { encoding: 'utf8', uid: 65534, gid: 65534, cwd: '/' });
  // Another user's home is refused before its socket is tried (ownership, #13): the line says whose it is.
  assert.match(res.stderr, /^Error: unsafe home .*: .* is owned by uid 0, not by you \(uid 65534\)/m);
  assert.doesNotMatch(res.stderr, /not running/);
});
