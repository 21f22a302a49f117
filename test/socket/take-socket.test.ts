// Taking the socket back after a controller dies: pidfd_getfd (koffi) copies
// a running instance's fd 3, checked against the recorded inode; the copy
// serves (in a new instance and in this process). Where it cannot, a typed
// SocketAdoptError says why (gone, mismatch, permission).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, execFile } from 'node:child_process';
import net from 'node:net';
import { createInterface } from 'node:readline';
import { SocketAdoptError, findTcpSocket, socketInodeOf, takeSocketFrom, takeSocketFromAny } from '../../src/socket/index.js';
import { readStartTime } from '../../src/process/proc-stat.js';
import { holdEventLoop, killGroupAfter, until } from '../instance/helpers.js';
import { exited, fixture, getJsonFrom, openTestSocket, spawnOnSocket } from './helpers.js';

holdEventLoop();

const APP = fixture('plain-http-server.mjs');

test('after the owning controller is SIGKILLed, its instance keeps serving and the socket is taken back from it', async (t) => {
  const owner = spawn(process.execPath, [fixture('socket-owner.mjs')], { stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(() => owner.kill('SIGKILL'));
  const first = await new Promise<string>((resolve) => createInterface({ input: owner.stdout! }).once('line', resolve));
  const { inode, port, instance } = JSON.parse(first) as { inode: string; port: number; instance: number };
  killGroupAfter(t, instance);
  await until('the instance answers', async () => (await getJsonFrom(port).catch(() => undefined))?.body.pid === instance);

  owner.kill('SIGKILL');
  await exited(owner);
  assert.equal((await getJsonFrom(port)).body.pid, instance, 'the instance serves with no controller');

  const socket = await takeSocketFrom(instance, { inode, host: '::' });
  t.after(() => socket.close());
  assert.equal(socket.inode, inode);
  assert.equal(socket.port, port);
  assert.equal(socketInodeOf('self', socket.fd), inode, 'this process now holds the very same socket');

  // The next generation starts on the adopted socket; the old one stops; no new socket anywhere.
  const next = await spawnOnSocket(t, socket, { script: process.execPath, args: [APP] });
  process.kill(instance, 'SIGTERM');
  // not our child (its parent died): gone once it is no longer running, reaped or not
  await until('the old instance is gone', () => readStartTime(instance) === undefined);
  assert.equal((await getJsonFrom(port)).body.pid, next.pid);
  assert.equal(findTcpSocket(inode)?.listening, true);
});

test('the taken copy serves in this process too (wrapped by net, no new bind)', async (t) => {
  const socket = await openTestSocket(t);
  const holder = await spawnOnSocket(t, socket, { script: 'sleep', args: ['3600'] });
  await until('sleep holds fd 3', () => socketInodeOf(holder.pid!, 3) === socket.inode);
  socket.close(); // the controller's copy is gone; only the holder keeps the socket alive
  const taken = await takeSocketFrom(holder.pid!, { inode: socket.inode, host: socket.host });
  // resume(): read the request, or the client's FIN is never seen and close() waits forever
  const server = net.createServer((c) => c.resume().end(`HTTP/1.0 200 OK\r\n\r\n${JSON.stringify({ pid: process.pid })}`));
  await new Promise<void>((resolve) => server.listen({ fd: taken.fd }, resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  assert.equal((await getJsonFrom(taken.port)).body.pid, process.pid);
  assert.equal(socketInodeOf('self', taken.fd), socket.inode);
});

test('typed errors: a gone process, an fd that is another socket', async (t) => {
  const socket = await openTestSocket(t);
  const other = await openTestSocket(t);
  const holder = await spawnOnSocket(t, other, { script: 'sleep', args: ['3600'] });
  await until('sleep holds fd 3', () => socketInodeOf(holder.pid!, 3) === other.inode);
  await assert.rejects(takeSocketFrom(holder.pid!, { inode: socket.inode, host: '::' }), (err: unknown) => {
    assert.ok(err instanceof SocketAdoptError);
    assert.equal(err.reason, 'mismatch');
    assert.equal(err.code, 'SOCKET_ADOPT_FAILED');
    assert.match(err.message, new RegExp(`^cannot take the listening socket back from pid ${holder.pid}: its fd 3 is socket:\\[${other.inode}\\], not the recorded socket:\\[${socket.inode}\\]$`));
    return true;
  });
  process.kill(holder.pid!, 'SIGKILL');
  await exited(holder);
  await assert.rejects(takeSocketFrom(holder.pid!, { inode: other.inode, host: '::' }), { reason: 'gone' });
  // Several candidates: the first that has it wins.
  const good = await spawnOnSocket(t, socket, { script: 'sleep', args: ['3600'] });
  await until('sleep holds fd 3', () => socketInodeOf(good.pid!, 3) === socket.inode);
  const { socket: taken, pid } = await takeSocketFromAny([holder.pid!, good.pid!], { inode: socket.inode, host: '::' });
  t.after(() => taken.close());
  assert.equal(pid, good.pid);
});

test('without the right to trace the instance: a permission error that says what is needed', async (t) => {
  if (process.getuid?.() !== 0) return t.skip('needs root to run the taker as another user (uid 65534)');
  const moduleFile = new URL('../../src/socket/take-socket.js', import.meta.url).pathname;
  const readable = spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(moduleFile)})`], { uid: 65534, gid: 65534, cwd: '/' }).status === 0;
  if (!readable) return t.skip(`uid 65534 cannot read ${moduleFile} (a checkout in a private folder)`);
  const socket = await openTestSocket(t);
  const holder = await spawnOnSocket(t, socket, { script: 'sleep', args: ['3600'] });
  await until('sleep holds fd 3', () => socketInodeOf(holder.pid!, 3) === socket.inode);
  // As user nobody: /proc/PID/fd is closed to it, and pidfd_getfd itself is refused (EPERM).
  const taker = [
    `const m = await import(${JSON.stringify(new URL('../../src/socket/index.js', import.meta.url).href)});`,
    `const s = await import(${JSON.stringify(new URL('../../src/socket/pidfd-syscalls.js', import.meta.url).href)});`,
    `const out = {};`,
    `try { await m.takeSocketFrom(${holder.pid}, { inode: '${socket.inode}', host: '::' }); } catch (e) { out.take = { reason: e.reason, message: e.message }; }`,
    `const calls = await s.loadPidfdSyscalls(); const pidfd = calls.pidfdOpen(${holder.pid});`,
    `out.getfd = 'fd' in pidfd ? calls.pidfdGetfd(pidfd.fd, 3) : pidfd;`,
    `console.log(JSON.stringify(out));`,
  ].join('\n');
  const result = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, ['--input-type=module', '-e', taker], { uid: 65534, gid: 65534, cwd: '/' }, (err, stdout, stderr) => (err ? reject(new Error(stderr || err.message)) : resolve(stdout)));
  });
  const out = JSON.parse(result) as { take: { reason: string; message: string }; getfd: { errno?: string } };
  assert.equal(out.take.reason, 'permission');
  assert.match(out.take.message, new RegExp(`^cannot take the listening socket back from pid ${holder.pid}: cannot read /proc/${holder.pid}/fd/3: EACCES$`));
  assert.deepEqual(out.getfd, { errno: 'EPERM' });
});
