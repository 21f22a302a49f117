// Integration: real listeners hold ports; the real prober and allocator must see them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NetPortProber, hasIpv6 } from '../../src/ports/net-port-prober.js';
import { PortAllocator } from '../../src/ports/port-allocator.js';
import { findFreeRun, holdTcp, holdUdp, memoryStore, noDemand } from './helpers.js';

test('a TCP listener on any address makes the port busy; the port is free again once closed', async (t) => {
  const prober = new NetPortProber();
  const loopback = await holdTcp(t, 0, '127.0.0.1');
  assert.equal(await prober.isFree('tcp', loopback), false);
  const wildcard = await holdTcp(t, 0, '0.0.0.0');
  assert.equal(await prober.isFree('tcp', wildcard), false);
  if (await hasIpv6()) {
    const v6 = await holdTcp(t, 0, '::1');
    assert.equal(await prober.isFree('tcp', v6), false, 'a ::1 listener is seen through the :: probe');
  }
  const start = await findFreeRun(1);
  assert.equal(await prober.isFree('tcp', start), true);
  assert.equal(await prober.isFree('tcp', start), true, 'the probe itself leaves nothing bound');
});

test('UDP is probed separately from TCP', async (t) => {
  const prober = new NetPortProber();
  const port = await holdUdp(t, 0);
  assert.equal(await prober.isFree('udp', port), false);
  // The same number may well be free for TCP; only assert it is a boolean answer.
  assert.equal(typeof (await prober.isFree('tcp', port)), 'boolean');
});

test('the seed example: auto:A-(A+10) with A+1, A+3, A+4 held gives A, A+2, A+5', async (t) => {
  const a = await findFreeRun(11);
  await holdTcp(t, a + 1, '127.0.0.1');
  await holdTcp(t, a + 3, '0.0.0.0');
  await holdTcp(t, a + 4, '127.0.0.1');
  const allocator = new PortAllocator({ store: memoryStore(t) });
  const ports = await allocator.ensureAppPorts('web', { port: `auto:${a}-${a + 10}`, instances: 3, demand: noDemand });
  assert.deepEqual(ports.map((p) => p.port), [a, a + 2, a + 5]);
});

test('a fixed port held by a stranger gives the SPEC error', async (t) => {
  const port = await holdTcp(t, 0, '127.0.0.1');
  const allocator = new PortAllocator({ store: memoryStore(t) });
  await assert.rejects(allocator.ensureAppPorts('web', { port: String(port), instances: 1, demand: noDemand }), {
    code: 'PORT_IN_USE', message: `Port ${port} is already in use by another process`,
  });
});

test('4 instances on A-(A+3) get PORT A..A+3; an instance keeps its port while its own process holds it', async (t) => {
  const a = await findFreeRun(4);
  const store = memoryStore(t);
  const allocator = new PortAllocator({ store });
  const request = { port: `${a}-${a + 3}`, instances: 4, demand: noDemand };
  const ports = await allocator.ensureAppPorts('web', request);
  assert.deepEqual(ports.map((p) => p.port), [a, a + 1, a + 2, a + 3]);
  for (const p of ports) await holdTcp(t, p.port!, '0.0.0.0'); // the instances are now running
  const restarted = new PortAllocator({ store });
  assert.deepEqual(await restarted.ensureAppPorts('web', request), ports);
});

test('demand blocks skip ports held on the system', async (t) => {
  const a = await findFreeRun(8);
  await holdTcp(t, a + 1);
  await holdUdp(t, a + 2);
  const allocator = new PortAllocator({ store: memoryStore(t), pool: { start: a, end: a + 7 } });
  const [ports] = await allocator.ensureAppPorts('voip', { instances: 1, demand: { tcp: 2, udp: 3 } });
  assert.deepEqual(ports, { tcp: [a + 2, a + 3], udp: [a + 3, a + 4, a + 5] });
});
