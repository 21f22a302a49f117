// A shared socket's port: one allocation for the app (a row with no
// instance), which every instance gets; kept across scaling, released at
// scale to 0 or when the app stops sharing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PortAllocator } from '../../src/ports/port-allocator.js';
import { FakePortProber } from '../../src/ports/port-prober.js';
import { planAppPorts } from '../../src/ports/plan-allocation.js';
import { memoryStore, noDemand } from './helpers.js';

test('shared: one row, every instance gets the port; scaling keeps it; scale to 0 releases it', async (t) => {
  const store = memoryStore(t);
  const allocator = new PortAllocator({ store, prober: new FakePortProber({}), pool: { start: 20000, end: 20100 } });
  const four = await allocator.ensureAppPorts('web', { port: '8080', instances: 4, demand: noDemand, shared: true });
  assert.deepEqual(four.map((p) => p.port), [8080, 8080, 8080, 8080]);
  assert.deepEqual(store.allocations.list().map((r) => [r.port, r.instance, r.role]), [[8080, null, 'port']]);
  const first = store.allocations.list()[0]!.allocatedAt;

  const six = await allocator.ensureAppPorts('web', { port: '8080', instances: 6, demand: { tcp: 1, udp: 0 }, shared: true });
  assert.deepEqual(six.map((p) => p.port), [8080, 8080, 8080, 8080, 8080, 8080]);
  assert.deepEqual(six.map((p) => p.tcp.length), [1, 1, 1, 1, 1, 1], 'demand blocks stay per instance');
  assert.equal(store.allocations.get('tcp', 8080)?.allocatedAt, first, 'the shared row is kept, not re-allocated');

  allocator.releaseInstance('web', 5);
  assert.ok(store.allocations.get('tcp', 8080), 'scaling one instance away never frees the shared port');
  await allocator.ensureAppPorts('web', { port: '8080', instances: 0, demand: noDemand, shared: true });
  assert.deepEqual(store.allocations.list(), [], 'scale to 0: released');
});

test('shared on an auto range takes one port; another app cannot take it', async (t) => {
  const store = memoryStore(t);
  const allocator = new PortAllocator({ store, prober: new FakePortProber({ tcp: [5000] }) });
  const ports = await allocator.ensureAppPorts('web', { port: 'auto:5000-5010', instances: 3, demand: noDemand, shared: true });
  assert.deepEqual(ports.map((p) => p.port), [5001, 5001, 5001]);
  await assert.rejects(allocator.ensureAppPorts('api', { port: '5001', instances: 1, demand: noDemand }), {
    code: 'PORT_ASSIGNED', message: "Port 5001 is already assigned to process 'web'",
  });
});

test('switching sharing on and off moves between one app row and per-instance rows', async (t) => {
  const store = memoryStore(t);
  const allocator = new PortAllocator({ store, prober: new FakePortProber({}) });
  await allocator.ensureAppPorts('web', { port: '3000-3001', instances: 2, demand: noDemand });
  assert.deepEqual(store.allocations.list().map((r) => r.instance), [0, 1]);
  await allocator.ensureAppPorts('web', { port: '3000', instances: 2, demand: noDemand, shared: true });
  assert.deepEqual(store.allocations.list().map((r) => [r.port, r.instance]), [[3000, null]]);
  await allocator.ensureAppPorts('web', { port: '3000-3001', instances: 2, demand: noDemand });
  assert.deepEqual(store.allocations.list().map((r) => [r.port, r.instance]), [[3000, 0], [3001, 1]]);
});

test('a fixed range cannot be shared; without sharing a single port still serves one instance only', () => {
  assert.throws(() => planAppPorts([], { port: '3000-3003', instances: 4, demand: noDemand, shared: true }), { code: 'PORT_SPEC_INVALID' });
  assert.throws(() => planAppPorts([], { port: '3000', instances: 4, demand: noDemand }), { code: 'PORT_RANGE_TOO_SHORT' });
  assert.deepEqual(planAppPorts([], { port: '3000', instances: 4, demand: noDemand, shared: true }).needs, [{ kind: 'fixed', instance: null, port: 3000 }]);
});

test('list and info see the shared port on every instance row', async (t) => {
  const store = memoryStore(t);
  const allocator = new PortAllocator({ store, prober: new FakePortProber({}) });
  await allocator.ensureAppPorts('web', { port: '8080', instances: 2, demand: { tcp: 1, udp: 0 }, shared: true });
  for (const index of [0, 1]) store.instances.upsert('web', index, { specHash: 'h' });
  const held = store.allocations.heldByInstance('web');
  assert.equal(held.get('web/0')?.port, 8080);
  assert.equal(held.get('web/1')?.port, 8080);
  assert.equal(held.get('web/1')?.tcp.length, 1);
  assert.deepEqual(store.allocations.heldByInstance(), held, 'the same for every app at once');
});
