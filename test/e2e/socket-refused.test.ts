// SPEC "One port for N instances": where the next controller cannot take the socket
// back (permissions), the apps keep running, `berth info` says why, and a reload or
// restart is refused with a clear one-line error rather than opening a gap. Made real:
// berth runs as uid 65534 (not root, no CAP_SYS_PTRACE) and the app makes itself
// undumpable (prctl PR_SET_DUMPABLE 0), so the second controller may neither read its
// /proc fds nor pidfd_getfd them. Then `berth stop` + `start` opens a new socket.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { allOnline, BerthHarness, BIN, getJson } from '../helpers/berth-harness.js';
import { freePort } from '../helpers/free-ports.js';
import { recordedInode, socketApp, waitForInfo } from '../helpers/socket-e2e.js';
import { FIXTURES } from '../socket/helpers.js';

const NOBODY = { uid: 65534, gid: 65534 };
const PYTHON = '/usr/bin/python3';

function whyNot(): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root, to run berth as uid 65534 (a controller without the right to copy an app\'s descriptors)';
  if (!existsSync(PYTHON)) return `${PYTHON} is missing (apt-get install python3)`;
  const readable = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(BIN)}); require('fs').accessSync(${JSON.stringify(FIXTURES)})`], { ...NOBODY, cwd: '/' }).status === 0;
  return readable ? undefined : `uid 65534 cannot read ${BIN} (a checkout in a private folder)`;
}

test('a controller that cannot take the socket back: info says why, reload and restart are refused in one line, the app serves on; stop + start opens a new socket', async (t) => {
  const skip = whyNot();
  if (skip) return t.skip(skip);
  const berth = await BerthHarness.create({ user: NOBODY });
  t.after(() => berth.cleanup());
  await berth.up();
  const port = await freePort();
  await berth.writeManifest('web.yaml', socketApp({
    name: 'web', script: PYTHON, args: ['listen-fds-server.py'], cwd: FIXTURES, port,
    // Undumpable: even its own controller cannot see it accept, so readiness is the probe's.
    extra: ['env: {FIXTURE_UNDUMPABLE: "1"}', 'readinessProbe: {http: {path: /}, interval: 100ms}'],
  }));
  const [row] = await berth.waitFor(allOnline(1), 'web online');
  const inode = recordedInode(berth, 'web', port)!;

  await berth.killController('SIGKILL');
  await berth.up();
  const info = await waitForInfo(berth, 'web', /SocketOwned +False +AdoptFailed .*berth cannot take the listening socket on port \d+ back from the running instances: the controller may not copy file descriptors out of the app/, 'SocketOwned False');
  t.diagnostic(info.split('\n').filter((line) => /SocketOwned|SocketAdoptFailed/.test(line)).join('\n'));
  assert.match(info, /Warning +SocketAdoptFailed/);
  await berth.waitFor(allOnline(1), 'web adopted by the new controller');

  for (const action of ['reload', 'restart']) {
    const refused = await berth.cli([action, 'web']);
    assert.equal(refused.code, 1);
    assert.match(refused.stderr, new RegExp(`^Error: Cannot ${action} web: berth cannot take the listening socket on port ${port} back from the running instances: .*CAP_SYS_PTRACE.*; the instances keep serving; reload and restart are refused until they exit .*\\n$`));
    assert.equal(refused.stderr.split('\n').length, 2, 'one line');
    t.diagnostic(refused.stderr.trim());
  }
  assert.equal((await getJson<{ pid: number }>(port)).pid, row!.pid, 'the app still serves, from the same process');
  assert.equal((await berth.instances())[0]!.pid, row!.pid, 'nothing was restarted');

  assert.equal((await berth.cli(['stop', 'web'])).code, 0);
  assert.equal((await berth.cli(['start', 'web'])).code, 0);
  const [fresh] = await berth.waitFor(allOnline(1), 'web started on a new socket');
  assert.notEqual(fresh!.pid, row!.pid);
  assert.notEqual(recordedInode(berth, 'web', port), inode, 'a new socket once the last holder exited');
  assert.equal((await getJson<{ pid: number }>(port)).pid, fresh!.pid);
  assert.match((await berth.cli(['info', 'web'])).stdout, /SocketOwned +True +Held/);
});
