// Readiness on a shared socket: an instance is ready when its own processes
// accept on it — epoll registration, or a thread blocked in accept, poll or
// select with the socket — never merely because it holds the fd or the port
// answers (here a sibling could answer for it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readlinkSync } from 'node:fs';
import { findAcceptor, type AcceptVia } from '../../src/socket/index.js';
import { holdEventLoop, until } from '../instance/helpers.js';
import { fixture, getJsonFrom, openTestSocket, spawnOnSocket } from './helpers.js';

holdEventLoop();

const SYSCALL_WAYS = process.arch === 'x64' || process.arch === 'arm64';

async function waitVia(pgid: number, inode: string, via: AcceptVia): Promise<number> {
  let found: { pid: number; via: AcceptVia } | undefined;
  await until(`accepting via ${via}`, () => (found = findAcceptor(pgid, inode))?.via === via, 10_000);
  return found!.pid;
}

test('a process that holds the socket but never accepts is not ready', async (t) => {
  const socket = await openTestSocket(t);
  const holder = await spawnOnSocket(t, socket, { script: 'sleep', args: ['3600'] });
  // Settled: sleep exec'd (the wrapper shell is gone) and blocks in its sleep, fd 3 in hand.
  await until('sleep holds fd 3 and sleeps', () => {
    try {
      const state = readFileSync(`/proc/${holder.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[0];
      return readlinkSync(`/proc/${holder.pid}/exe`).endsWith('sleep') && state === 'S' && readlinkSync(`/proc/${holder.pid}/fd/3`) === `socket:[${socket.inode}]`;
    } catch {
      return false;
    }
  });
  assert.equal(findAcceptor(holder.pid!, socket.inode), undefined);
});

test('an unmodified Node app (libuv) is ready through its epoll registration', async (t) => {
  const socket = await openTestSocket(t);
  const app = await spawnOnSocket(t, socket, { script: process.execPath, args: [fixture('plain-http-server.mjs')] });
  assert.equal(await waitVia(app.pid!, socket.inode, 'epoll'), app.pid);
  assert.equal((await getJsonFrom(socket.port)).body.pid, app.pid);
});

for (const mode of ['accept', 'poll', 'select', 'epoll'] as const) {
  test(`a Python process waiting in ${mode} on fd 3 is ready`, async (t) => {
    if (mode !== 'epoll' && !SYSCALL_WAYS) return t.skip(`blocked-syscall detection knows x64 and arm64 only (this is ${process.arch})`);
    const socket = await openTestSocket(t);
    const app = await spawnOnSocket(t, socket, { script: 'python3', args: [fixture('fd3-waiter.py'), mode] });
    assert.equal(await waitVia(app.pid!, socket.inode, mode), app.pid);
    assert.equal((await getJsonFrom(socket.port)).body.pid, app.pid);
  });
}

test("Python's socketserver (poll) LISTEN_FDS app is ready", async (t) => {
  if (!SYSCALL_WAYS) return t.skip(`blocked-syscall detection knows x64 and arm64 only (this is ${process.arch})`);
  const socket = await openTestSocket(t);
  const app = await spawnOnSocket(t, socket, { script: 'python3', args: [fixture('listen-fds-server.py')] });
  assert.equal(await waitVia(app.pid!, socket.inode, 'poll'), app.pid);
});

test('the whole process group counts: a worker child of the instance accepting makes it ready', async (t) => {
  const socket = await openTestSocket(t);
  // The leader (a shell that does not exec) only holds the socket; its child (a worker, as gunicorn's) accepts.
  const leader = await spawnOnSocket(t, socket, { script: '/bin/sh', args: ['-c', `python3 "${fixture('fd3-waiter.py')}" epoll; true`] });
  let found: ReturnType<typeof findAcceptor>;
  await until('a group member accepts', () => (found = findAcceptor(leader.pid!, socket.inode)) !== undefined, 10_000);
  assert.notEqual(found!.pid, leader.pid);
  assert.equal(found!.via, 'epoll');
});
