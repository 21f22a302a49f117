import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { spawn } from 'node:child_process';
import { isGroupListening, listeningInodes } from '../../src/process/listening-sockets.js';

test('a listening socket of this process is found by inode; a port nobody listens on is not', async (t) => {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  t.after(() => server.close());
  const { port } = server.address() as net.AddressInfo;
  assert.equal(listeningInodes(port)?.size, 1);
  assert.equal(isGroupListening(process.pid, port), true);
  await new Promise((r) => server.close(r));
  assert.equal(isGroupListening(process.pid, port), false);
});

test('another process listening on the port does not count for this group', async (t) => {
  const child = spawn(process.execPath, ['-e', "require('net').createServer().listen(0, '127.0.0.1', function () { console.log(this.address().port) })"], { detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  t.after(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // gone
    }
  });
  const port = await new Promise<number>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
  assert.equal(isGroupListening(child.pid!, port), true);
  assert.equal(isGroupListening(process.pid, port), false, 'the test process itself does not listen there');
});

function detached(t: { after(fn: () => void): void }, file: string, args: string[], stdout: 'pipe' | 'ignore' = 'pipe') {
  // (a 'pipe' is a socketpair: the child then holds a socket)
  const child = spawn(file, args, { detached: true, stdio: ['ignore', stdout, 'ignore'] });
  t.after(() => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // gone
    }
  });
  return child;
}

test('a group holding no socket is not listening, and the kernel tables are not read for it', async (t) => {
  const child = detached(t, 'sleep', ['30'], 'ignore');
  await new Promise((r) => child.once('spawn', r));
  // Tables that cannot be read: before, any answer needed them (undefined); a group without sockets needs none.
  assert.equal(isGroupListening(child.pid!, 3000, ['/nonexistent/tcp', '/nonexistent/tcp6']), false);
});

test('a group holding a socket, with no readable table, cannot tell (undefined: the caller connects instead)', async (t) => {
  const child = detached(t, process.execPath, ['-e', "require('net').createServer().listen(0, '127.0.0.1', function () { console.log(this.address().port) })"]);
  const port = await new Promise<number>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
  assert.equal(isGroupListening(child.pid!, port, ['/nonexistent/tcp', '/nonexistent/tcp6']), undefined);
  assert.equal(isGroupListening(child.pid!, port), true);
});

test('a worker of the group listening counts, the leader holding no socket itself', async (t) => {
  const worker = "require('net').createServer().listen(0, '127.0.0.1', function () { console.log(this.address().port) })";
  const child = detached(t, 'sh', ['-c', `${JSON.stringify(process.execPath)} -e "${worker}"; sleep 30`]);
  const port = await new Promise<number>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
  // group members come from a /proc scan up to 100 ms old, as readiness polls see them
  const deadline = Date.now() + 2_000;
  while (isGroupListening(child.pid!, port) !== true && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  assert.equal(isGroupListening(child.pid!, port), true);
  assert.equal(isGroupListening(child.pid!, port === 65535 ? 1 : port + 1), false);
});
