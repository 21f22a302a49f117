// The Node preload, with an unmodified app (test/fixtures/plain-http-server.mjs)
// on this Node: every listen form on PORT serves on fd 3, other listens are
// left alone, it is inert when LISTEN_PID is not the process's own, and an
// app without a signal handler drains on SIGTERM and dies of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { listeningInodes } from '../../src/process/listening-sockets.js';
import { NODE_PRELOAD_PATH, findTcpSocket, withRequire } from '../../src/socket/index.js';
import { readFdTargets } from '../../src/socket/socket-inode.js';
import { freePort } from '../helpers/free-ports.js';
import { HELLO_DIR } from '../helpers/berth-harness.js';
import { holdEventLoop, killGroupAfter, until } from '../instance/helpers.js';
import { exited, fixture, getJsonFrom, openTestSocket, spawnOnSocket } from './helpers.js';

holdEventLoop();

const APP = fixture('plain-http-server.mjs');

/** Does `pid` hold an accepted connection on `port` ? */
function holdsConnectionFrom(pid: number, port: number): boolean {
  for (const target of readFdTargets(pid).values()) {
    const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
    const state = inode === undefined ? undefined : findTcpSocket(inode);
    if (state && !state.listening && state.port === port && state.remotePort !== 0) return true;
  }
  return false;
}

async function answered(port: number, urlPath = '/'): Promise<Record<string, unknown>> {
  let last: unknown;
  for (let attempt = 0; attempt < 200; attempt++) {
    try {
      return (await getJsonFrom(port, urlPath, 5_000)).body;
    } catch (err) {
      last = err; // the app is still starting: ECONNREFUSED on its own port
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  throw last;
}

for (const form of ['number', 'string', 'options']) {
  test(`listen(${form === 'options' ? '{port, host}' : form === 'string' ? "'PORT'" : 'PORT, host'}) of an unmodified app serves on berth's socket`, async (t) => {
    const socket = await openTestSocket(t);
    const child = await spawnOnSocket(t, socket, { script: process.execPath, args: [APP], env: { FIXTURE_LISTEN: form } });
    const body = await answered(socket.port);
    assert.equal(body.pid, child.pid);
    assert.equal(body.port, socket.port, 'server.address() is the inherited socket');
    // Nothing but berth's socket listens on the port: the app did not bind one of its own.
    assert.deepEqual([...listeningInodes(socket.port)!], [socket.inode]);
  });
}

test('other listens are left alone: a second server on port 0 binds its own socket', async (t) => {
  const socket = await openTestSocket(t);
  const child = await spawnOnSocket(t, socket, { script: process.execPath, args: [APP], env: { FIXTURE_SECOND: '1' } });
  const body = await answered(socket.port);
  const second = body.second as number;
  assert.ok(second > 0 && second !== socket.port);
  assert.equal((await getJsonFrom(second)).body.pid, child.pid);
  assert.ok(!listeningInodes(second)!.has(socket.inode));
});

test('inert when LISTEN_PID is not its own PID: the app binds PORT itself', async (t) => {
  const socket = await openTestSocket(t);
  const port = await freePort();
  const child = spawn(process.execPath, [APP], {
    env: { ...process.env, PORT: String(port), LISTEN_PID: '1', LISTEN_FDS: '1', NODE_OPTIONS: withRequire(undefined, NODE_PRELOAD_PATH) },
    stdio: ['ignore', 'ignore', 'inherit', socket.fd],
    detached: true,
  });
  killGroupAfter(t, child.pid);
  assert.equal((await answered(port)).pid, child.pid);
  assert.ok(!listeningInodes(port)!.has(socket.inode));
  assert.equal(findTcpSocket(socket.inode)?.acceptQueue, 0);
});

test('SIGTERM without an app handler: stop accepting, finish in-flight requests, die of SIGTERM; queued clients wait for the next instance', async (t) => {
  const socket = await openTestSocket(t);
  const child = await spawnOnSocket(t, socket, { script: process.execPath, args: [APP] });
  await answered(socket.port);
  await until('the first connection is closed', () => !holdsConnectionFrom(child.pid!, socket.port));
  const slow = getJsonFrom(socket.port, '/?delay=400');
  await until('the app accepted the slow request', () => holdsConnectionFrom(child.pid!, socket.port));
  process.kill(child.pid!, 'SIGTERM');
  assert.deepEqual(await exited(child), { code: null, signal: 'SIGTERM' });
  assert.equal((await slow).body.pid, child.pid, 'the in-flight request was answered');
  // No instance now: a client waits in the queue, and the next instance answers it.
  const queued = getJsonFrom(socket.port);
  await until('a client waits in the queue', () => findTcpSocket(socket.inode)?.acceptQueue === 1);
  const next = await spawnOnSocket(t, socket, { script: process.execPath, args: [APP] });
  assert.equal((await queued).body.pid, next.pid);
});

test('an app with its own SIGTERM handler keeps control (examples/hello exits 0 from its handler)', async (t) => {
  const socket = await openTestSocket(t);
  const child = await spawnOnSocket(t, socket, { script: process.execPath, args: [path.join(HELLO_DIR, 'server.js')] });
  assert.equal((await answered(socket.port)).pid, child.pid);
  process.kill(child.pid!, 'SIGTERM');
  assert.deepEqual(await exited(child), { code: 0, signal: null });
});
