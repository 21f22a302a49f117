import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildInstanceEnv } from '../../src/ports/instance-env.js';

const range = (start: number, count: number) => Array.from({ length: count }, (_, i) => start + i);

test('instance ids and app name are always injected, 0-based', () => {
  const { env, shadowed } = buildInstanceEnv({ app: 'web', index: 2, ports: { tcp: [], udp: [] }, specEnv: { NODE_ENV: 'production' } });
  assert.deepEqual(env, { NODE_ENV: 'production', PM2_INSTANCE_ID: '2', NODE_APP_INSTANCE: '2', BERTH_INSTANCE_ID: '2', BERTH_APP_NAME: 'web' });
  assert.deepEqual(shadowed, []);
});

test('PORT comes from port, else the first TCP port of the block', () => {
  assert.equal(buildInstanceEnv({ app: 'a', index: 0, ports: { port: 3000, tcp: [20000], udp: [] }, specEnv: {} }).env.PORT, '3000');
  assert.equal(buildInstanceEnv({ app: 'a', index: 0, ports: { tcp: [20000, 20001], udp: [] }, specEnv: {} }).env.PORT, '20000');
  assert.equal(buildInstanceEnv({ app: 'a', index: 0, ports: { tcp: [], udp: [20000] }, specEnv: {} }).env.PORT, undefined);
});

test('a block of 1 port: PORT and PORTS, no range', () => {
  const { env } = buildInstanceEnv({ app: 'a', index: 0, ports: { tcp: [20000], udp: [21000] }, specEnv: {} });
  assert.equal(env.TCP_PORT, '20000');
  assert.equal(env.TCP_PORTS, '20000');
  assert.equal(env.TCP_PORTS_RANGE, undefined);
  assert.equal(env.UDP_PORT, '21000');
  assert.equal(env.UDP_PORTS, '21000');
  assert.equal(env.UDP_PORTS_RANGE, undefined);
});

test('a block of 2 ports: range and list', () => {
  const { env } = buildInstanceEnv({ app: 'a', index: 0, ports: { tcp: [20000, 20001], udp: [] }, specEnv: {} });
  assert.equal(env.TCP_PORT, '20000');
  assert.equal(env.TCP_PORTS_RANGE, '20000-20001');
  assert.equal(env.TCP_PORTS, '20000,20001');
  assert.equal(env.UDP_PORT, undefined);
  assert.equal(env.UDP_PORTS, undefined);
});

test('a block of 8 ports is still listed; 9 is only a range', () => {
  const eight = buildInstanceEnv({ app: 'a', index: 0, ports: { tcp: [], udp: range(30000, 8) }, specEnv: {} }).env;
  assert.equal(eight.UDP_PORTS, range(30000, 8).join(','));
  assert.equal(eight.UDP_PORTS_RANGE, '30000-30007');
  const nine = buildInstanceEnv({ app: 'a', index: 0, ports: { tcp: range(30000, 9), udp: [] }, specEnv: {} }).env;
  assert.equal(nine.TCP_PORTS, undefined);
  assert.equal(nine.TCP_PORTS_RANGE, '30000-30008');
  assert.equal(nine.TCP_PORT, '30000');
});

test('env: {PORT: "3000"} beside a range: every instance gets its own PORT, and PORT is reported shadowed', () => {
  const specEnv = { PORT: '3000', NODE_ENV: 'production', BERTH_APP_NAME: 'x' };
  const results = [0, 1, 2, 3].map((index) => buildInstanceEnv({ app: 'web', index, ports: { port: 3000 + index, tcp: [], udp: [] }, specEnv }));
  assert.deepEqual(results.map((r) => r.env.PORT), ['3000', '3001', '3002', '3003']);
  assert.deepEqual(results.map((r) => r.env.BERTH_INSTANCE_ID), ['0', '1', '2', '3']);
  for (const r of results) {
    assert.deepEqual(r.shadowed.sort(), ['BERTH_APP_NAME', 'PORT']);
    assert.equal(r.env.NODE_ENV, 'production');
    assert.equal(r.env.BERTH_APP_NAME, 'web');
  }
  assert.equal(specEnv.PORT, '3000', 'spec env is not mutated');
});
