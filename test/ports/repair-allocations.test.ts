import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PortAllocator } from '../../src/ports/port-allocator.js';
import { FakePortProber } from '../../src/ports/port-prober.js';
import { repairAllocations } from '../../src/ports/repair-allocations.js';
import { memoryStore } from './helpers.js';

test('orphaned app and claim rows are freed, manual rows kept, out-of-pool blocks reported', async (t) => {
  const store = memoryStore(t);
  const allocator = new PortAllocator({ store, prober: new FakePortProber(), pool: { start: 20000, end: 20100 } });
  await allocator.ensureAppPorts('web', { port: '3000', instances: 1, demand: { tcp: 1, udp: 0 } });
  await allocator.ensureAppPorts('gone', { port: '3001', instances: 1, demand: { tcp: 0, udp: 0 } });
  await allocator.ensureClaim('sip', { tcp: 0, udp: 2 });
  await allocator.ensureClaim('old-claim', { tcp: 1, udp: 0 });
  await allocator.allocateManual('module1', 1, 'tcp');

  const report = repairAllocations(store, { knownApps: ['web'], knownClaims: ['sip'], pool: { start: 20001, end: 20100 } });
  assert.deepEqual(report.freed.map((r) => `${r.owner}/${r.protocol}/${r.port}`), ['gone/tcp/3001', 'old-claim/tcp/20001']);
  assert.deepEqual(report.outOfPool.map((r) => `${r.owner}/${r.protocol}/${r.port}`), ['web/tcp/20000', 'sip/udp/20000']);
  assert.deepEqual(store.allocations.list().map((r) => r.owner).sort(), ['module1', 'sip', 'sip', 'web', 'web']);
  assert.deepEqual(repairAllocations(store, { knownApps: ['web'], knownClaims: ['sip'], pool: { start: 20000, end: 20100 } }), { freed: [], outOfPool: [] });
});
