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
