import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planApp, type ActualInstance, type InstancePorts } from '../../src/controller/plan-app.js';

const port = (p: number): InstancePorts => ({ port: p, tcp: [], udp: [] });
const running = (index: number, p: number, specHash = 'h1'): ActualInstance => ({ index, specHash, ports: port(p), active: true });

test('scale 4 → 6 starts two and keeps four', () => {
  const actual = [0, 1, 2, 3].map((i) => running(i, 3000 + i));
  const actions = planApp({ instances: 6, specHash: 'h1', stopped: false, ports: [0, 1, 2, 3, 4, 5].map((i) => port(3000 + i)) }, actual);
  assert.deepEqual(actions, [{ type: 'start', index: 4 }, { type: 'start', index: 5 }]);
});

test('scale 4 → 2 removes the highest indexes, highest first', () => {
  const actual = [0, 1, 2, 3].map((i) => running(i, 3000 + i));
  assert.deepEqual(planApp({ instances: 2, specHash: 'h1', stopped: false, ports: [port(3000), port(3001)] }, actual), [
    { type: 'remove', index: 3 },
    { type: 'remove', index: 2 },
  ]);
});

test('a spec change replaces every instance; a port change only the moved ones', () => {
  const actual = [running(0, 3000), running(1, 3001)];
  assert.deepEqual(planApp({ instances: 2, specHash: 'h2', stopped: false, ports: [port(3000), port(3001)] }, actual), [
    { type: 'replace', index: 0, reason: 'spec' },
    { type: 'replace', index: 1, reason: 'spec' },
  ]);
  assert.deepEqual(planApp({ instances: 2, specHash: 'h1', stopped: false, ports: [port(3000), port(4001)] }, actual), [
    { type: 'replace', index: 1, reason: 'ports' },
  ]);
});

test('nothing changed: no actions (idempotent)', () => {
  const actual = [running(0, 3000)];
  assert.deepEqual(planApp({ instances: 1, specHash: 'h1', stopped: false, ports: [port(3000)] }, actual), []);
});

test('an instance that ended by its restart policy stays ended until asked for or changed', () => {
  const ended = [{ ...running(0, 3000), active: false }];
  const desired = { instances: 1, specHash: 'h1', stopped: false, ports: [port(3000)] };
  assert.deepEqual(planApp(desired, ended), [], 'a resync alone never runs it again');
  for (const asked of ['start', 'restart', 'reload'] as const) {
    assert.deepEqual(planApp({ ...desired, [asked]: new Set([0]) }, ended), [{ type: 'start', index: 0 }], `berth ${asked}`);
  }
  assert.deepEqual(planApp({ ...desired, specHash: 'h2' }, ended), [{ type: 'start', index: 0 }], 'a new spec');
  assert.deepEqual(planApp({ ...desired, ports: [port(4000)] }, ended), [{ type: 'start', index: 0 }], 'new ports');
});

test('runtime stop halts active instances and starts nothing', () => {
  const actual = [running(0, 3000), { ...running(1, 3001), active: false }];
  assert.deepEqual(planApp({ instances: 3, specHash: 'h1', stopped: true, ports: [port(3000), port(3001), port(3002)] }, actual), [
    { type: 'halt', index: 0 },
  ]);
});

test('app deleted: every instance removed', () => {
  assert.deepEqual(planApp(undefined, [running(0, 3000), running(1, 3001)]), [
    { type: 'remove', index: 1 },
    { type: 'remove', index: 0 },
  ]);
});

test('reload and restart are inputs: asked-for indexes are replaced or restarted; a spec change wins', () => {
  const actual = [running(0, 3000), running(1, 3001), running(2, 3002, 'h0')];
  const desired = { instances: 3, specHash: 'h1', stopped: false, ports: [port(3000), port(3001), port(3002)] };
  assert.deepEqual(planApp({ ...desired, reload: new Set([0, 2]) }, actual), [
    { type: 'replace', index: 0, reason: 'reload' },
    { type: 'replace', index: 2, reason: 'spec' },
  ]);
  assert.deepEqual(planApp({ ...desired, restart: new Set([0, 1]) }, actual), [
    { type: 'restart', index: 0 },
    { type: 'restart', index: 1 },
    { type: 'replace', index: 2, reason: 'spec' },
  ]);
  assert.deepEqual(planApp({ ...desired, stopped: true, restart: new Set([0]) }, actual), [
    { type: 'halt', index: 0 },
    { type: 'halt', index: 1 },
    { type: 'halt', index: 2 },
  ], 'a stopped app restarts nothing');
});

test('waiting for a dependency: what would start waits; what runs is replaced, restarted, halted or removed as usual', () => {
  const ended = { ...running(1, 3001), active: false };
  const actual = [running(0, 3000, 'h0'), ended, running(3, 3003)];
  const desired = { instances: 3, specHash: 'h1', stopped: false, ports: [port(3000), port(3001), port(3002)], start: new Set([1]), waitForDependency: true };
  assert.deepEqual(planApp(desired, actual), [
    { type: 'remove', index: 3 },
    { type: 'replace', index: 0, reason: 'spec' },
    { type: 'wait', index: 1 },
    { type: 'wait', index: 2 },
  ]);
  assert.deepEqual(planApp({ ...desired, waitForDependency: false }, actual).filter((a) => a.type === 'start'), [
    { type: 'start', index: 1 },
    { type: 'start', index: 2 },
  ], 'the same plan with the gate open starts them');
  assert.deepEqual(planApp({ ...desired, stopped: true }, actual).filter((a) => a.type === 'wait'), [], 'a stopped app waits for nothing');
});
