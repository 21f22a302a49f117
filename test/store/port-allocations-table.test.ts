import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase } from '../../src/store/open-store.js';
import { Store } from '../../src/store/store.js';

function store(t: import('node:test').TestContext): Store {
  const s = new Store(openDatabase(':memory:'), { now: () => 42 });
  t.after(() => s.close());
  return s;
}

test('rows round-trip, ordered by protocol then port', (t) => {
  const s = store(t);
  s.allocations.insert([
    { protocol: 'udp', port: 20000, owner: 'sip', ownerKind: 'claim', instance: null, role: 'block' },
    { protocol: 'tcp', port: 3001, owner: 'web', ownerKind: 'app', instance: 1, role: 'port' },
    { protocol: 'tcp', port: 3000, owner: 'web', ownerKind: 'app', instance: 0, role: 'port' },
  ]);
  assert.deepEqual(s.allocations.list().map((r) => `${r.protocol}/${r.port}`), ['tcp/3000', 'tcp/3001', 'udp/20000']);
  assert.deepEqual(s.allocations.get('tcp', 3001), { protocol: 'tcp', port: 3001, owner: 'web', ownerKind: 'app', instance: 1, role: 'port', allocatedAt: 42 });
  assert.equal(s.allocations.get('udp', 3001), undefined);
  assert.equal(s.allocations.listOwner('app', 'web').length, 2);
  assert.equal(s.allocations.listOwner('claim', 'web').length, 0);
});

test('the same (protocol, port) can never be held twice; tcp and udp are independent', (t) => {
  const s = store(t);
  s.allocations.insert([{ protocol: 'tcp', port: 3000, owner: 'a', ownerKind: 'app', instance: 0, role: 'port' }]);
  assert.throws(
    () => s.allocations.insert([{ protocol: 'tcp', port: 3000, owner: 'b', ownerKind: 'manual', instance: null, role: 'block' }]),
    { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' },
  );
  s.allocations.insert([{ protocol: 'udp', port: 3000, owner: 'b', ownerKind: 'manual', instance: null, role: 'block' }]);
  // A failed batch inside a transaction leaves nothing behind.
  assert.throws(() => s.transaction(() => s.allocations.insert([
    { protocol: 'tcp', port: 3001, owner: 'c', ownerKind: 'manual', instance: null, role: 'block' },
    { protocol: 'tcp', port: 3000, owner: 'c', ownerKind: 'manual', instance: null, role: 'block' },
  ])));
  assert.equal(s.allocations.get('tcp', 3001), undefined);
});

test('deleteOwner filters by instance and protocol; deleteRows only deletes the same owner\'s rows', (t) => {
  const s = store(t);
  s.allocations.insert([
    { protocol: 'tcp', port: 3000, owner: 'web', ownerKind: 'app', instance: 0, role: 'port' },
    { protocol: 'tcp', port: 3001, owner: 'web', ownerKind: 'app', instance: 1, role: 'port' },
    { protocol: 'udp', port: 20000, owner: 'web', ownerKind: 'app', instance: 1, role: 'block' },
  ]);
  assert.equal(s.allocations.deleteRows([{ protocol: 'tcp', port: 3000, owner: 'other', ownerKind: 'app' }]), 0);
  assert.equal(s.allocations.deleteOwner('app', 'web', { instance: 1, protocol: 'udp' }), 1);
  assert.equal(s.allocations.deleteOwner('app', 'web', { instance: 1 }), 1);
  assert.equal(s.allocations.deleteRows([{ protocol: 'tcp', port: 3000, owner: 'web', ownerKind: 'app' }]), 1);
  assert.deepEqual(s.allocations.list(), []);
});
