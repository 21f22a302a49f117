import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PortAllocator } from '../../src/ports/port-allocator.js';
import { FakePortProber } from '../../src/ports/port-prober.js';
import { memoryStore, noDemand } from './helpers.js';

function setup(t: import('node:test').TestContext, busy: { tcp?: number[]; udp?: number[] } = {}, pool = { start: 20000, end: 20020 }) {
  const store = memoryStore(t);
  const prober = new FakePortProber(busy);
  return { store, prober, allocator: new PortAllocator({ store, prober, pool }) };
}

test('single, range and auto specs give instance ports', async (t) => {
  const { allocator } = setup(t);
  assert.deepEqual(await allocator.ensureAppPorts('one', { port: '3000', instances: 1, demand: noDemand }), [{ port: 3000, tcp: [], udp: [] }]);
  const four = await allocator.ensureAppPorts('four', { port: '4000-4003', instances: 4, demand: noDemand });
  assert.deepEqual(four.map((p) => p.port), [4000, 4001, 4002, 4003]);
  const auto = await allocator.ensureAppPorts('auto', { port: 'auto:4000-4010', instances: 2, demand: noDemand });
  assert.deepEqual(auto.map((p) => p.port), [4004, 4005], 'skips ports berth assigned');
  assert.deepEqual(await allocator.ensureAppPorts('none', { instances: 2, demand: noDemand }), [{ tcp: [], udp: [] }, { tcp: [], udp: [] }]);
});

test('spec errors surface from ensureAppPorts', async (t) => {
  const { allocator, store } = setup(t);
  await assert.rejects(allocator.ensureAppPorts('a', { port: '3000-3001', instances: 4, demand: noDemand }), {
    code: 'PORT_RANGE_TOO_SHORT', message: 'Port range 3000-3001 has only 2 ports but 4 instances requested',
  });
  await assert.rejects(allocator.ensureAppPorts('a', { port: '3000', instances: 2, demand: noDemand }), { code: 'PORT_RANGE_TOO_SHORT' });
  await assert.rejects(allocator.ensureAppPorts('a', { port: 'nope', instances: 1, demand: noDemand }), { code: 'PORT_SPEC_INVALID' });
  assert.deepEqual(store.allocations.list(), []);
});

test('a port berth assigned to another app: SPEC error, nothing written', async (t) => {
  const { allocator, store } = setup(t);
  await allocator.ensureAppPorts('app1', { port: '3000', instances: 1, demand: noDemand });
  await assert.rejects(allocator.ensureAppPorts('app2', { port: '2999-3000', instances: 2, demand: noDemand }), {
    code: 'PORT_ASSIGNED', message: "Port 3000 is already assigned to process 'app1'",
  });
  assert.throws(() => allocator.checkAppPorts('app2', { port: '3000', instances: 1, demand: noDemand }), { code: 'PORT_ASSIGNED' });
  assert.doesNotThrow(() => allocator.checkAppPorts('app1', { port: '3000', instances: 1, demand: noDemand }));
  assert.deepEqual(store.allocations.list().map((r) => r.owner), ['app1']);
  await allocator.allocateManual('module1', 1, 'tcp');
  const manualPort = store.allocations.listOwner('manual', 'module1')[0]!.port;
  await assert.rejects(allocator.ensureAppPorts('app3', { port: String(manualPort), instances: 1, demand: noDemand }), {
    message: `Port ${manualPort} is already assigned to process 'module1'`,
  });
});

test('a fixed port busy on the system: SPEC error', async (t) => {
  const { allocator, store } = setup(t, { tcp: [3001] });
  await assert.rejects(allocator.ensureAppPorts('web', { port: '3000-3001', instances: 2, demand: noDemand }), {
    code: 'PORT_IN_USE', message: 'Port 3001 is already in use by another process',
  });
  assert.deepEqual(store.allocations.list(), []);
});

test('auto picks the first free ports ascending and names the range when exhausted', async (t) => {
  const { allocator } = setup(t, { tcp: [5001, 5003, 5004] });
  const ports = await allocator.ensureAppPorts('web', { port: 'auto:5000-5010', instances: 3, demand: noDemand });
  assert.deepEqual(ports.map((p) => p.port), [5000, 5002, 5005]);
  await assert.rejects(allocator.ensureAppPorts('api', { port: 'auto:5000-5005', instances: 2, demand: noDemand }), {
    code: 'PORT_EXHAUSTED', message: 'Port range auto:5000-5005 has only 0 free ports but 2 instances requested',
  });
  await assert.rejects(allocator.ensureAppPorts('api', { port: 'auto:5000-5006', instances: 3, demand: noDemand }), {
    message: 'Port range auto:5000-5006 has only 1 free port but 3 instances requested',
  });
});

test('sticky: kept ports are neither moved nor re-probed; scale-down releases, scale-up adds', async (t) => {
  const { allocator, prober, store } = setup(t);
  const first = await allocator.ensureAppPorts('web', { port: 'auto:5000-5010', instances: 3, demand: { tcp: 2, udp: 1 } });
  assert.deepEqual(first.map((p) => p.port), [5000, 5001, 5002]);
  assert.deepEqual(first.map((p) => p.tcp), [[20000, 20001], [20002, 20003], [20004, 20005]]);
  assert.deepEqual(first.map((p) => p.udp), [[20000], [20001], [20002]]);
  // Another owner takes 5000 meanwhile would be impossible; instead make everything look busy on the system:
  prober.probed.length = 0;
  prober.busy.tcp = new Set([5000, 5001, 5002, 20000, 20001, 20002, 20003, 20004, 20005]);
  prober.busy.udp = new Set([20000, 20001, 20002]);
  const again = await allocator.ensureAppPorts('web', { port: 'auto:5000-5010', instances: 3, demand: { tcp: 2, udp: 1 } });
  assert.deepEqual(again, first);
  assert.deepEqual(prober.probed, [], 'its own bound ports are not probed');

  const down = await allocator.ensureAppPorts('web', { port: 'auto:5000-5010', instances: 1, demand: { tcp: 2, udp: 1 } });
  assert.deepEqual(down, [first[0]]);
  assert.deepEqual(new Set(store.allocations.list().map((r) => r.instance)), new Set([0]));

  const up = await allocator.ensureAppPorts('web', { port: 'auto:5000-5010', instances: 2, demand: { tcp: 2, udp: 1 } });
  assert.deepEqual(up[0], first[0]);
  assert.equal(up[1]!.port, 5003, 'freed 5001 is busy on the system now');
  assert.deepEqual(up[1]!.tcp, [20006, 20007]);
});

test('a controller restart (new allocator, same store) keeps every allocation', async (t) => {
  const { allocator, store } = setup(t);
  const before = await allocator.ensureAppPorts('web', { port: 'auto:5000-5010', instances: 2, demand: { tcp: 1, udp: 0 } });
  const claim = await allocator.ensureClaim('sip', { tcp: 1, udp: 3 });
  const restarted = new PortAllocator({ store, prober: new FakePortProber({ tcp: [5000, 5001, 20000, 20001, 20002] }), pool: { start: 20000, end: 20020 } });
  assert.deepEqual(await restarted.ensureAppPorts('web', { port: 'auto:5000-5010', instances: 2, demand: { tcp: 1, udp: 0 } }), before);
  assert.deepEqual(await restarted.ensureClaim('sip', { tcp: 1, udp: 3 }), claim);
});

test('re-request: changed demand or spec deallocates then reallocates', async (t) => {
  const { allocator, store } = setup(t);
  await allocator.ensureAppPorts('other', { instances: 1, demand: { tcp: 1, udp: 0 } }); // holds 20000
  const first = await allocator.ensureAppPorts('web', { port: '3000-3001', instances: 2, demand: { tcp: 2, udp: 0 } });
  assert.deepEqual(first.map((p) => p.tcp), [[20001, 20002], [20003, 20004]]);
  const grown = await allocator.ensureAppPorts('web', { port: '3000-3001', instances: 2, demand: { tcp: 3, udp: 0 } });
  assert.deepEqual(grown.map((p) => p.tcp), [[20001, 20002, 20003], [20004, 20005, 20006]]);
  const moved = await allocator.ensureAppPorts('web', { port: '3001-3002', instances: 2, demand: { tcp: 3, udp: 0 } });
  assert.deepEqual(moved.map((p) => p.port), [3001, 3002], 'shifted range: 3001 moves from instance 1 to instance 0');
  const dropped = await allocator.ensureAppPorts('web', { instances: 2, demand: noDemand });
  assert.deepEqual(dropped, [{ tcp: [], udp: [] }, { tcp: [], udp: [] }]);
  assert.deepEqual(store.allocations.list().map((r) => r.owner), ['other']);
});

test('demand blocks: first fit with holes, TCP and UDP independent, pool exhaustion message', async (t) => {
  const { allocator, store } = setup(t, { tcp: [20005] }, { start: 20000, end: 20009 });
  await allocator.allocateManual('a', 2, 'tcp'); // 20000-20001
  await allocator.allocateManual('b', 1, 'tcp'); // 20002
  await allocator.allocateManual('c', 1, 'tcp'); // 20003
  allocator.deallocateManual('a', 'tcp'); // hole of 2 at 20000
  assert.deepEqual(await allocator.allocateManual('d', 3, 'tcp'), [20006, 20007, 20008], 'hole of 2 too small, 20004 + busy 20005 too');
  assert.deepEqual(await allocator.allocateManual('e', 2, 'tcp'), [20000, 20001], 'fills the hole');
  assert.deepEqual(await allocator.allocateManual('e', 3, 'udp'), [20000, 20001, 20002], 'udp independent of tcp');
  await assert.rejects(allocator.allocateManual('f', 2, 'tcp'), {
    code: 'PORT_EXHAUSTED', message: 'Port pool 20000-20009 has no free block of 2 contiguous tcp ports',
  });
  await assert.rejects(allocator.ensureClaim('g', { tcp: 0, udp: 8 }), { message: 'Port pool 20000-20009 has no free block of 8 contiguous udp ports' });
  assert.equal(store.allocations.listOwner('claim', 'g').length, 0);
});

test('manual allocations are idempotent; another size moves them; deallocate frees one protocol', async (t) => {
  const { allocator, store } = setup(t);
  const block = await allocator.allocateManual('module1', 3, 'tcp');
  assert.deepEqual(block, [20000, 20001, 20002]);
  assert.deepEqual(await allocator.allocateManual('module1', 3, 'tcp'), block);
  await allocator.allocateManual('module1', 1, 'udp');
  assert.deepEqual(await allocator.allocateManual('module1', 2, 'tcp'), [20000, 20001]);
  assert.deepEqual(store.allocations.listOwner('manual', 'module1').map((r) => `${r.protocol}/${r.port}`), ['tcp/20000', 'tcp/20001', 'udp/20000']);
  assert.equal(allocator.deallocateManual('module1', 'tcp'), 2);
  assert.equal(allocator.deallocateManual('module1', 'tcp'), 0);
  assert.deepEqual(store.allocations.listOwner('manual', 'module1').map((r) => r.protocol), ['udp']);
  await assert.rejects(allocator.allocateManual('module1', 0, 'tcp'), { code: 'PORT_SPEC_INVALID' });
});

test('claims: ensure is sticky, release frees; releaseInstance and releaseApp', async (t) => {
  const { allocator, store } = setup(t);
  const claim = await allocator.ensureClaim('sip', { tcp: 2, udp: 4 });
  assert.deepEqual(claim, { tcp: [20000, 20001], udp: [20000, 20001, 20002, 20003] });
  assert.deepEqual(await allocator.ensureClaim('sip', { tcp: 2, udp: 4 }), claim);
  assert.equal(allocator.releaseClaim('sip'), 6);
  await allocator.ensureAppPorts('web', { port: '3000-3002', instances: 3, demand: { tcp: 1, udp: 0 } });
  assert.equal(allocator.releaseInstance('web', 2), 2);
  assert.deepEqual(store.allocations.listOwner('app', 'web').map((r) => r.port), [3000, 3001, 20000, 20001]);
  assert.equal(allocator.releaseApp('web'), 4);
  assert.deepEqual(allocator.list(), []);
});

test('rows taken between probing and writing make it start over, never double-assign', async (t) => {
  const store = memoryStore(t);
  let sneak = true;
  // The prober is the window between reading and writing: another writer takes 20000 there.
  const prober = {
    async isFree(_protocol: 'tcp' | 'udp', port: number) {
      if (sneak && port === 20000) {
        sneak = false;
        store.transaction(() => store.allocations.insert([{ protocol: 'tcp', port: 20000, owner: 'intruder', ownerKind: 'manual', instance: null, role: 'block' }]));
      }
      return true;
    },
  };
  const allocator = new PortAllocator({ store, prober, pool: { start: 20000, end: 20010 } });
  assert.deepEqual(await allocator.allocateManual('me', 2, 'tcp'), [20001, 20002]);
  assert.deepEqual(store.allocations.list().map((r) => `${r.owner}/${r.port}`), ['intruder/20000', 'me/20001', 'me/20002']);
});

test('4 instances on "A-(A+3)" with env {PORT: "3000"}: PORT A..A+3, ids 0..3, PORT shadowed', async (t) => {
  const { allocator } = setup(t);
  const { buildInstanceEnv } = await import('../../src/ports/instance-env.js');
  const ports = await allocator.ensureAppPorts('web', { port: '4100-4103', instances: 4, demand: noDemand });
  const envs = ports.map((p, index) => buildInstanceEnv({ app: 'web', index, ports: p, specEnv: { PORT: '3000' } }));
  assert.deepEqual(envs.map((e) => e.env.PORT), ['4100', '4101', '4102', '4103']);
  assert.deepEqual(envs.map((e) => [e.env.PM2_INSTANCE_ID, e.env.NODE_APP_INSTANCE, e.env.BERTH_INSTANCE_ID]), [['0', '0', '0'], ['1', '1', '1'], ['2', '2', '2'], ['3', '3', '3']]);
  assert.ok(envs.every((e) => e.shadowed.includes('PORT')));
});

test('an owner whose rows still fit reads only its own rows: a resync of N claims is not N × N rows', async (t) => {
  const { allocator, store } = setup(t);
  for (const name of ['a', 'b', 'c']) await allocator.ensureClaim(name, { tcp: 1, udp: 0 });
  const before = await allocator.ensureClaim('b', { tcp: 1, udp: 0 });
  let fullReads = 0;
  const list = store.allocations.list.bind(store.allocations);
  store.allocations.list = () => {
    fullReads++;
    return list();
  };
  assert.deepEqual(await allocator.ensureClaim('b', { tcp: 1, udp: 0 }), before, 'sticky');
  assert.equal(fullReads, 0);
  assert.deepEqual((await allocator.ensureClaim('b', { tcp: 2, udp: 0 })).tcp.length, 2, 'a change still plans against every row');
  assert.ok(fullReads > 0);
  assert.deepEqual(new Set(list().map((r) => `${r.protocol}/${r.port}`)).size, list().length, 'no port held twice');
});
