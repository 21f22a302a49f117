// SPEC "Ownership": the home is created 0700 and state.db 0600, so another
// user reads no secret; an existing home owned by another user (who could
// have planted a symlink in it) is refused with a one-line error; a 0755
// home is tightened. A real second user, created for the test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, chownSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { BerthHarness, BIN } from '../helpers/berth-harness.js';
import { createSecondUser } from '../helpers/second-user.js';

const SECRET = 'hunter2-secret';
const secretApp = `apiVersion: berth/v1\nkind: App\nmetadata: {name: sec}\nspec: {script: sleep, args: ["1000"], env: {DB_PASSWORD: ${SECRET}}}\n`;

/** Every file in the home (and logs/) must be unreadable for `user`, and hold no secret they can see. */
function assertSealed(home: string, user: NonNullable<ReturnType<typeof createSecondUser>>): void {
  assert.equal(statSync(home).mode & 0o777, 0o700, 'the home is 0700');
  for (const name of readdirSync(home).filter((n) => n.startsWith('state.db'))) assert.equal(statSync(path.join(home, name)).mode & 0o077, 0, `${name} is not readable by others`);
  const read = user.run('sh', ['-c', `cat ${home}/state.db* 2>&1; ls ${home} 2>&1`]);
  assert.doesNotMatch(read.stdout, new RegExp(SECRET));
  assert.match(read.stdout, /Permission denied/);
}

/** Runs an app with a secret in its env on a home `prepare` may make first, then checks the other user sees nothing. */
async function runSealed(t: Parameters<typeof createSecondUser>[0], prepare: (home: string) => void = () => {}): Promise<void> {
  const user = createSecondUser(t);
  if (!user) return;
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  prepare(berth.home);
  await berth.writeManifest('sec.yaml', secretApp);
  await berth.up();
  await berth.waitFor((r) => r.some((i) => i.status === 'online'), 'sec online');
  assertSealed(berth.home, user);
}

test('a home berth creates is 0700 with state.db 0600: another user reads no secret', (t) => runSealed(t));

test('an existing 0755 home is tightened to 0700 and state.db is never readable by others', (t) =>
  runSealed(t, (home) => {
    mkdirSync(home, { mode: 0o755 });
    chmodSync(home, 0o755);
  }));

test('a home owned by another user is refused with one line, and the symlink they planted in it is never followed', async (t) => {
  const user = createSecondUser(t);
  if (!user) return;
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const rootfile = path.join(berth.root, 'rootfile');
  writeFileSync(rootfile, 'root only\n', { mode: 0o600 });
  mkdirSync(path.join(berth.home, 'logs'), { recursive: true });
  symlinkSync(rootfile, path.join(berth.home, 'logs', 'victim-0.out.log'));
  for (const dir of [berth.home, path.join(berth.home, 'logs')]) chownSync(dir, user.uid, user.uid);
  await berth.writeManifest('victim.yaml', `apiVersion: berth/v1\nkind: App\nmetadata: {name: victim}\nspec: {script: sh, args: ["-c", "echo attacker-visible; sleep 1000"]}\n`);
  for (const args of [['up', '--dir', berth.dir], ['list'], ['down']]) {
    const res = await berth.cli(args);
    assert.equal(res.code, 1, `berth ${args[0]} must refuse`);
    assert.equal(res.stderr, `Error: unsafe home ${berth.home}: ${berth.home} is owned by uid ${user.uid}, not by you (uid 0); use a home of your own (--home DIR), as ssh refuses another user's ~/.ssh\n`);
  }
  assert.equal(readFileSync(rootfile, 'utf8'), 'root only\n');
});

test('without --home or BERTH_HOME the home is ~/.berth, found from any folder', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const userHome = path.join(berth.root, 'user');
  mkdirSync(path.join(userHome, 'somewhere', 'else'), { recursive: true });
  const env = { ...process.env, HOME: userHome, BERTH_HOME: '' };
  const run = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8' });
  const up = run(['up', '--dir', berth.dir, '--detach'], berth.root);
  assert.equal(up.status, 0, up.stderr);
  t.after(() => void run(['down'], userHome));
  const list = run(['list', '-o', 'json'], path.join(userHome, 'somewhere', 'else'));
  assert.equal(list.status, 0, list.stderr);
  assert.doesNotMatch(list.stderr, /not running/);
  assert.ok(statSync(path.join(userHome, '.berth', 'state.db')).isFile());
  const down = run(['down'], userHome);
  assert.match(down.stdout, /controller stopped/);
});
