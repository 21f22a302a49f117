// The pure launch decoration (env keys, argv wrapper, fd 3) and, for real,
// what a child sees: LISTEN_PID is its own PID, fd 3 is the socket, for a
// plain program and for a `shell: true` command that execs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { findExecutable, LISTEN_PID_WRAPPER, spawnWithSocket, withListenSocket, withRequire } from '../../src/socket/index.js';
import { holdEventLoop, tempDir, until } from '../instance/helpers.js';
import { exited, openTestSocket, spawnOnSocket } from './helpers.js';

holdEventLoop();

const base = { file: 'node', args: ['server.js', '--flag'], env: { PATH: '/usr/bin', LISTEN_PID: '1', LISTEN_PIDFDID: '9', BERTH_MARKER: 'home:web/0' }, extraFds: [] };

test('withListenSocket adds the systemd variables, wraps argv and passes the socket as fd 3', () => {
  const launch = withListenSocket(base, { fd: 27, port: 8080, name: 'http' });
  assert.deepEqual(launch, {
    file: '/bin/sh',
    args: ['-c', LISTEN_PID_WRAPPER, 'node', 'server.js', '--flag'],
    env: { PATH: '/usr/bin', BERTH_MARKER: 'home:web/0', LISTEN_FDS: '1', LISTEN_FDNAMES: 'http', PORT: '8080', BERTH_LISTEN_FD: '3' },
    extraFds: [27],
  });
  assert.deepEqual(base.args, ['server.js', '--flag'], 'the input is not mutated');
});

test('a shell: true launch is wrapped as it is; the preload goes into NODE_OPTIONS', () => {
  const shell = { file: '/bin/sh', args: ['-c', 'exec node app.js "$@"', 'sh', 'a b'], env: { NODE_OPTIONS: '--max-old-space-size=64' }, extraFds: [] };
  const launch = withListenSocket(shell, { fd: 5, port: 3000, name: 'web', nodePreload: '/opt/my berth/preload.cjs' });
  assert.deepEqual(launch.args, ['-c', LISTEN_PID_WRAPPER, '/bin/sh', '-c', 'exec node app.js "$@"', 'sh', 'a b']);
  assert.equal(launch.env.NODE_OPTIONS, '--max-old-space-size=64 --require "/opt/my berth/preload.cjs"');
  assert.equal(launch.env.LISTEN_FDNAMES, 'web');
  assert.throws(() => withListenSocket({ ...shell, extraFds: [9] }, { fd: 5, port: 3000, name: 'web' }), /fd 3 is already taken/);
});

test('withRequire appends once and escapes quotes', () => {
  assert.equal(withRequire(undefined, '/a.cjs'), '--require "/a.cjs"');
  assert.equal(withRequire('--require "/a.cjs"', '/a.cjs'), '--require "/a.cjs"');
  assert.equal(withRequire(' ', '/x"y\\z.cjs'), '--require "/x\\"y\\\\z.cjs"');
});

test('findExecutable looks up like execvp: PATH, or relative to cwd with a slash', (t) => {
  const dir = tempDir(t);
  assert.equal(findExecutable('sh', dir, '/nonexistent:/bin'), '/bin/sh');
  assert.equal(findExecutable('no-such-program-berth', dir, process.env.PATH), undefined);
  assert.equal(findExecutable('./missing', dir, process.env.PATH), undefined);
  assert.equal(findExecutable(process.execPath, dir, ''), process.execPath);
});

/** A child that writes what it sees (pid, LISTEN_* and fd 3) into a file, then exits. */
const REPORT = `const fs = require('fs'); fs.writeFileSync(process.argv[1], JSON.stringify({ pid: process.pid, env: process.env, fd3: fs.readlinkSync('/proc/self/fd/3') }));`;

async function report(file: string): Promise<{ pid: number; env: Record<string, string>; fd3: string }> {
  await until('the child wrote its report', () => {
    try {
      JSON.parse(readFileSync(file, 'utf8'));
      return true;
    } catch {
      return false;
    }
  });
  return JSON.parse(readFileSync(file, 'utf8')) as { pid: number; env: Record<string, string>; fd3: string };
}

test('a real child gets LISTEN_PID = its own PID (the PID berth records) and the socket as fd 3', async (t) => {
  const socket = await openTestSocket(t);
  const out = path.join(tempDir(t), 'report.json');
  const child = await spawnOnSocket(t, socket, { script: process.execPath, args: ['-e', REPORT, out], name: 'api', env: { LISTEN_PID: '1' } });
  const seen = await report(out);
  assert.equal(seen.pid, child.pid);
  assert.equal(seen.env.LISTEN_PID, String(child.pid));
  assert.equal(seen.env.LISTEN_FDS, '1');
  assert.equal(seen.env.LISTEN_FDNAMES, 'api');
  assert.equal(seen.env.PORT, String(socket.port));
  assert.equal(seen.env.BERTH_LISTEN_FD, '3');
  assert.match(seen.env.NODE_OPTIONS!, /--require ".*node-preload\.cjs"/);
  assert.equal(seen.fd3, `socket:[${socket.inode}]`);
  assert.equal(readlinkSync(`/proc/self/fd/${socket.fd}`), seen.fd3);
  assert.deepEqual(await exited(child), { code: 0, signal: null });
});

test('shell: true composes: a command that execs keeps the PID, so LISTEN_PID still matches', async (t) => {
  const socket = await openTestSocket(t);
  const out = path.join(tempDir(t), 'report.json');
  // What spawn-process builds for shell: true, then decorated.
  const child = await spawnWithSocket({
    script: '/bin/sh', args: ['-c', `exec "${process.execPath}" -e "$0" "$@"`, REPORT, out], cwd: tempDir(t),
    env: { PATH: process.env.PATH ?? '' }, socket,
  });
  const seen = await report(out);
  assert.equal(seen.pid, child.pid);
  assert.equal(seen.env.LISTEN_PID, String(child.pid));
  assert.equal(seen.fd3, `socket:[${socket.inode}]`);
  await exited(child);
});

test('a program that does not exist is a SPAWN_FAILED error, not a quick exit 127', async (t) => {
  const socket = await openTestSocket(t);
  await assert.rejects(spawnWithSocket({ script: 'no-such-program-berth', args: [], cwd: tempDir(t), env: { PATH: '/usr/bin:/bin' }, socket }), {
    code: 'SPAWN_FAILED',
    message: /'no-such-program-berth' was not found/,
  });
});
