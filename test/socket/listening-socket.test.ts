// The listening-socket owner: bound and listening once, never accepted on
// by its owner (connections wait in the kernel's queue until a child that
// inherited the fd serves them), blocking, dual-stack, typed bind errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { fstatSync, readlinkSync } from 'node:fs';
import { findTcpSocket, openListeningSocket, openListeningSockets, SocketError } from '../../src/socket/index.js';
import { PortInUseError } from '../../src/ports/port-errors.js';
import { holdEventLoop, until } from '../instance/helpers.js';
import { exited, fixture, openTestSocket, spawnOnSocket } from './helpers.js';

holdEventLoop();

/** Connects and sends a GET at once; resolves with the raw answer (or rejects). */
function rawGet(port: number): { answer: Promise<string>; socket: net.Socket } {
  const socket = net.connect({ host: '127.0.0.1', port });
  socket.write('GET / HTTP/1.0\r\n\r\n');
  const answer = new Promise<string>((resolve, reject) => {
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
  });
  return { answer, socket };
}

test('the owner never accepts: connections queue until a child that inherited the fd serves them', async (t) => {
  const socket = await openTestSocket(t);
  assert.ok(socket.port > 0);
  assert.equal(readlinkSync(`/proc/self/fd/${socket.fd}`), `socket:[${socket.inode}]`);
  assert.deepEqual(findTcpSocket(socket.inode), { port: socket.port, remotePort: 0, listening: true, acceptQueue: 0 });

  // No instance: three clients complete the handshake (the socket listens) and wait in the accept queue.
  const waiting = [rawGet(socket.port), rawGet(socket.port), rawGet(socket.port)];
  t.after(() => waiting.forEach((w) => w.socket.destroy()));
  await until('3 connections queued', () => findTcpSocket(socket.inode)?.acceptQueue === 3);

  const child = await spawnOnSocket(t, socket, { script: process.execPath, args: [fixture('plain-http-server.mjs')] });
  const answers = await Promise.all(waiting.map((w) => w.answer));
  for (const answer of answers) assert.match(answer, new RegExp(`"pid":${child.pid}\\b`), 'served by the child, not by the owner');
  assert.equal(findTcpSocket(socket.inode)?.acceptQueue, 0);

  // With the child gone, the owner still does not accept: a new connection waits again.
  process.kill(-child.pid!, 'SIGKILL');
  await exited(child);
  const late = rawGet(socket.port);
  t.after(() => late.socket.destroy());
  await until('1 connection queued after the child died', () => findTcpSocket(socket.inode)?.acceptQueue === 1);
  const second = await spawnOnSocket(t, socket, { script: process.execPath, args: [fixture('plain-http-server.mjs')] });
  assert.match(await late.answer, new RegExp(`"pid":${second.pid}\\b`));
});

test('the socket is handed over blocking (O_NONBLOCK clear), as systemd does', async (t) => {
  const socket = await openTestSocket(t);
  // fdinfo flags are octal; O_NONBLOCK is 04000
  const { readFileSync } = await import('node:fs');
  const flags = Number.parseInt(/^flags:\s+([0-7]+)/m.exec(readFileSync(`/proc/self/fdinfo/${socket.fd}`, 'utf8'))![1]!, 8);
  assert.equal(flags & 0o4000, 0);
  assert.ok(fstatSync(socket.fd).isSocket());
});

test('dual-stack by default; a specific host binds only there', async (t) => {
  const dual = await openTestSocket(t);
  assert.equal(dual.host, '::');
  const v4 = await openTestSocket(t, { host: '127.0.0.1', port: 0 });
  assert.equal(v4.host, '127.0.0.1');
  assert.ok(findTcpSocket(v4.inode)?.listening);
  for (const port of [dual.port, v4.port]) {
    const child = await spawnOnSocket(t, port === dual.port ? dual : v4, { script: process.execPath, args: [fixture('plain-http-server.mjs')] });
    const { answer, socket } = rawGet(port);
    t.after(() => socket.destroy());
    assert.match(await answer, new RegExp(`"pid":${child.pid}\\b`));
  }
});

test('bind errors are typed: a port in use is SPEC\'s PortInUseError; a host name is refused', async (t) => {
  const taken = await openTestSocket(t, { host: '127.0.0.1', port: 0 });
  await assert.rejects(openListeningSocket({ host: '127.0.0.1', port: taken.port }), (err: unknown) => {
    assert.ok(err instanceof PortInUseError);
    assert.equal(err.message, `Port ${taken.port} is already in use by another process`);
    return true;
  });
  await assert.rejects(openListeningSocket({ host: 'localhost', port: 0 }), (err: unknown) => {
    assert.ok(err instanceof SocketError);
    assert.match(err.message, /socket.host must be an IP address/);
    return true;
  });
});

test('all or nothing: when one of several binds fails, none stays bound', async (t) => {
  const taken = await openTestSocket(t, { host: '127.0.0.1', port: 0 });
  const free = await openListeningSocket({ host: '127.0.0.1', port: 0 });
  const freePort = free.port;
  free.close();
  await assert.rejects(openListeningSockets([{ host: '127.0.0.1', port: freePort }, { host: '127.0.0.1', port: taken.port }]), { code: 'PORT_IN_USE' });
  const again = await openListeningSocket({ host: '127.0.0.1', port: freePort });
  again.close();
});

test('close() unbinds once no child holds it; idempotent', async () => {
  const socket = await openListeningSocket({ host: '127.0.0.1', port: 0 });
  const { port, inode } = socket;
  socket.close();
  socket.close();
  assert.equal(socket.isOpen, false);
  await until('socket gone from /proc/net/tcp', () => findTcpSocket(inode) === undefined);
  const reuse = await openListeningSocket({ host: '127.0.0.1', port });
  reuse.close();
});
