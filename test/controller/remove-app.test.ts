// Removing an app or claim whose manifest is gone, over a real in-memory
// store and the real port allocator: its ports, rows and Deleted event go
// in one transaction, so a failed write leaves it whole and a retry ends it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { AppReconciler } from '../../src/controller/reconcile-app.js';
import { RolloutRequests } from '../../src/controller/rollout-requests.js';
import type { ReconcileContext } from '../../src/controller/reconcile-context.js';
import { parseManifestText } from '../../src/manifest/parse-manifest-text.js';
import type { DesiredState } from '../../src/manifest/load-manifest-dir.js';
import { PortAllocator } from '../../src/ports/port-allocator.js';
import { FakePortProber } from '../../src/ports/port-prober.js';
import { FakeSupervisor } from '../helpers/fake-supervisor.js';
import { memoryStore } from '../helpers/memory-store.js';

function setup() {
  const store = memoryStore();
  const ports = new PortAllocator({ store, prober: new FakePortProber({}), pool: { start: 20000, end: 20010 } });
  let desired: DesiredState = { resources: new Map(), errors: [], files: new Map() };
  const ctx: ReconcileContext = {
    store, ports, supervisor: new FakeSupervisor(store), logger: pino({ level: 'silent' }), logDir: '/tmp/logs', home: '/tmp/home',
    desired: () => desired, buildEnv: () => ({ env: {}, shadowed: [] }), requests: new RolloutRequests(),
  };
  const declareClaim = (name: string) => {
    const { resources } = parseManifestText(`apiVersion: berth/v1\nkind: PortClaim\nmetadata: {name: ${name}}\nspec: {tcp: 2}\n`, `${name}.yaml`);
    desired = { resources: new Map([[name, resources[0]!]]), errors: [], files: new Map([[`${name}.yaml`, { names: [name], errors: [] }]]) };
  };
  const dropAll = () => {
    desired = { resources: new Map(), errors: [], files: new Map() };
  };
  return { store, reconciler: new AppReconciler(ctx), declareClaim, dropAll };
}

test('a removal whose event cannot be written changes nothing; the retry removes ports, row and all', async () => {
  const { store, reconciler, declareClaim, dropAll } = setup();
  declareClaim('sip');
  await reconciler.reconcile('sip');
  assert.equal(store.allocations.heldByOwner('claim', 'sip').tcp.length, 2);

  dropAll();
  const record = store.events.record.bind(store.events);
  let failures = 0;
  store.events.record = (event) => {
    if (event.reason === 'Deleted' && failures++ === 0) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    record(event);
  };
  await assert.rejects(reconciler.reconcile('sip'), /disk is full/);
  assert.notEqual(store.apps.get('sip'), undefined, 'the claim is still known');
  assert.equal(store.allocations.heldByOwner('claim', 'sip').tcp.length, 2, 'and still holds its ports');

  await reconciler.reconcile('sip');
  assert.equal(store.apps.get('sip'), undefined);
  assert.deepEqual(store.allocations.list(), []);
  assert.deepEqual(store.events.list('sip').map((e) => e.reason).filter((r) => r === 'Deleted'), ['Deleted']);
});
