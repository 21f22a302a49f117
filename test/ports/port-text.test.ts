import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatInstancePorts, formatPortRun } from '../../src/ports/port-text.js';

test('formatPortRun: a run as start-end, one port alone', () => {
  assert.equal(formatPortRun([20000, 20001, 20002]), '20000-20002');
  assert.equal(formatPortRun([53]), '53');
});

test('formatInstancePorts, condition style (default): space-separated, "none" when empty', () => {
  assert.equal(formatInstancePorts({ port: 3000, tcp: [], udp: [] }), '3000');
  assert.equal(formatInstancePorts({ port: 3000, tcp: [20000, 20001], udp: [20002] }), '3000 20000-20001/tcp 20002/udp');
  assert.equal(formatInstancePorts({ tcp: [20005], udp: [20006, 20007, 20008] }), '20005/tcp 20006-20008/udp');
  assert.equal(formatInstancePorts({ tcp: [], udp: [] }), 'none');
});

test('formatInstancePorts, list style: comma-separated, "-" when empty, the primary port not repeated as a block', () => {
  const listStyle = { separator: ',', none: '-' };
  assert.equal(formatInstancePorts({ port: 3000, tcp: [], udp: [] }, listStyle), '3000');
  assert.equal(formatInstancePorts({ tcp: [], udp: [] }, listStyle), '-');
  // list shows the first tcp port as the port of an app without `port`: a one-port block is that port.
  assert.equal(formatInstancePorts({ port: 20000, tcp: [20000], udp: [20001] }, listStyle), '20000,20001/udp');
  assert.equal(formatInstancePorts({ port: 20000, tcp: [20000, 20001], udp: [] }, listStyle), '20000-20001/tcp', 'the block alone (was 20000,20000-20001/tcp)');
  assert.equal(formatInstancePorts({ port: 3000, tcp: [20000], udp: [] }, listStyle), '3000,20000/tcp');
});
