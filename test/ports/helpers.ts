/**
 * Test helpers for the ports layer: an in-memory store, real listeners that
 * hold ports (always cleaned up through t.after), and a scan for a run of
 * ports that are free right now, so no test hard-codes a port.
 */
import net from 'node:net';
import dgram from 'node:dgram';
import type { TestContext } from 'node:test';
import { openDatabase } from '../../src/store/open-store.js';
import { Store } from '../../src/store/store.js';
import { NetPortProber } from '../../src/ports/net-port-prober.js';

export function memoryStore(t: TestContext, now?: () => number): Store {
  const store = new Store(openDatabase(':memory:'), now ? { now } : {});
  t.after(() => store.close());
  return store;
}

/** Listens on host:port (port 0 = any) until the test ends; resolves with the port. */
export function holdTcp(t: TestContext, port: number, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ host, port, exclusive: true }, () => {
      t.after(() => new Promise<void>((done) => server.close(() => done())));
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

export function holdUdp(t: TestContext, port: number, address = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', reject);
    socket.bind({ address, port, exclusive: true }, () => {
      t.after(() => new Promise<void>((done) => socket.close(() => done())));
      resolve(socket.address().port);
    });
  });
}

/**
 * The start of `count` consecutive ports free for TCP and UDP right now, from
 * a random place below the usual ephemeral range so parallel test files
 * rarely meet.
 */
export async function findFreeRun(count: number): Promise<number> {
  const prober = new NetPortProber();
  for (let attempt = 0; attempt < 50; attempt++) {
    const start = 10_000 + Math.floor(Math.random() * (32_000 - 10_000 - count));
    let ok = true;
    for (let port = start; ok && port < start + count; port++) {
      ok = (await prober.isFree('tcp', port)) && (await prober.isFree('udp', port));
    }
    if (ok) return start;
  }
  throw new Error(`no run of ${count} free ports found`);
}

export const noDemand = { tcp: 0, udp: 0 };
