// The instance machine's lifecycle: start, readiness, stop and manual restart (SimulatedClock, fake actors).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FAST_READINESS_ATTEMPTS } from '../../src/instance/instance-machine.js';
import type { ProbeSpec } from '../../src/manifest/types.js';
import { harness } from './machine-harness.js';
import { flush } from './helpers.js';

test('pending until START; then starting while spawning; online at once without port or probe', async () => {
  const h = harness();
  assert.equal(h.status(), 'pending');
  assert.equal(h.runs.length, 0);
  h.actor.send({ type: 'START' });
  assert.equal(h.status(), 'starting');
  assert.equal(h.runs.length, 1);
  h.spawned();
  assert.equal(h.status(), 'online');
  assert.equal(h.ctx().pid, 100);
  assert.equal(h.ctx().startedAt, h.clock.now());
  assert.deepEqual(h.reasons(), ['Started', 'Ready']);
});

test('STOP while pending goes straight to stopped', () => {
  const h = harness();
  h.actor.send({ type: 'STOP' });
  assert.equal(h.status(), 'stopped');
  assert.equal(h.runs.length, 0);
});

test('with a port: starting until the default TCP check passes, polled every 100 ms then every second', async () => {
  const h = harness({ port: 3000, probeResults: Array(FAST_READINESS_ATTEMPTS + 1).fill(false) });
  h.actor.send({ type: 'START' });
  h.spawned();
  assert.equal(h.status(), 'starting');
  await h.advance(0);
  assert.equal(h.probes.length, 1);
  assert.deepEqual({ type: h.probes[0]!.probe.type, port: (h.probes[0]!.probe as { port?: number }).port }, { type: 'tcp', port: 3000 });
  for (let i = 1; i < FAST_READINESS_ATTEMPTS; i++) await h.advance(100);
  assert.equal(h.probes.length, FAST_READINESS_ATTEMPTS);
  await h.advance(100);
  assert.equal(h.probes.length, FAST_READINESS_ATTEMPTS, 'slowed down after the fast attempts');
  await h.advance(900);
  assert.equal(h.probes.length, FAST_READINESS_ATTEMPTS + 1);
  assert.equal(h.status(), 'starting');
  await h.advance(1_000); // the queue is empty now: the fake answers ok
  assert.equal(h.status(), 'online');
});

test('readiness probe: initial delay, interval and success threshold gate online', async () => {
  const readinessProbe: ProbeSpec = { type: 'http', path: '/ready', host: '127.0.0.1', port: 8080, initialDelayMs: 500, intervalMs: 200, timeoutMs: 100, failureThreshold: 3, successThreshold: 2 };
  const h = harness({ spec: { readinessProbe }, probeResults: [false, true, true] });
  h.actor.send({ type: 'START' });
  h.spawned();
  await h.advance(499);
  assert.equal(h.probes.length, 0);
  await h.advance(1);
  assert.equal(h.probes.length, 1);
  await h.advance(200);
  assert.equal(h.status(), 'starting', 'one success is not enough');
  await h.advance(200);
  assert.equal(h.status(), 'online');
  assert.equal(h.probes[0]!.probe, readinessProbe);
});

test('STOP while online: stopping (stop signal, timeout) → stopped; the process actor is disposed, not killed by it', async () => {
  const h = harness({ spec: { stopSignal: 'SIGINT', stopTimeoutMs: 1_234 } });
  h.actor.send({ type: 'START' });
  h.spawned();
  h.actor.send({ type: 'STOP' });
  assert.equal(h.status(), 'stopping');
  assert.equal(h.runs[0]!.disposed, true);
  await flush();
  assert.equal(h.status(), 'stopped');
  assert.deepEqual(h.stops, [{ pid: 100, startTime: '1', marker: null, signal: 'SIGINT', timeoutMs: 1_234 }]);
  assert.equal(h.ctx().pid, null);
  assert.equal(h.reasons().at(-1), 'Stopped');
});

test('a stop that needed SIGKILL records Killed; a stop that fails → errored', async () => {
  const forced = harness({ stopForced: true });
  forced.actor.send({ type: 'START' });
  forced.spawned();
  forced.actor.send({ type: 'STOP' });
  await flush();
  assert.equal(forced.reasons().at(-1), 'Killed');
  const failing = harness({ stopFails: true });
  failing.actor.send({ type: 'START' });
  failing.spawned();
  failing.actor.send({ type: 'STOP' });
  await flush();
  assert.equal(failing.status(), 'errored');
  assert.match(failing.ctx().lastError!, /stop failed: EPERM/);
});

test('STOP while spawning waits for the pid, then stops that process', async () => {
  const h = harness();
  h.actor.send({ type: 'START' });
  h.actor.send({ type: 'STOP' });
  assert.equal(h.status(), 'starting');
  h.spawned();
  assert.equal(h.status(), 'stopping');
  await flush();
  assert.equal(h.status(), 'stopped');
  assert.equal(h.stops[0]!.pid, 100);
});

test('STOP while spawning and the spawn fails → stopped, not restarted', () => {
  const h = harness();
  h.actor.send({ type: 'START' });
  h.actor.send({ type: 'STOP' });
  h.lastRun().send({ type: 'EXITED', code: null, signal: null, error: 'boom', spawnFailed: true });
  assert.equal(h.status(), 'stopped');
});

test('STOP in crashloop → stopped without a stop call; START from stopped resets the counters', async () => {
  const h = harness({ spec: { backoff: { initialMs: 1_000, maxMs: 10_000, resetAfterMs: 60_000 } } });
  h.actor.send({ type: 'START' });
  h.spawned();
  h.exited();
  h.spawned();
  h.exited();
  assert.equal(h.status(), 'crashloop');
  h.actor.send({ type: 'STOP' });
  assert.equal(h.status(), 'stopped');
  assert.equal(h.stops.length, 0);
  await h.advance(5_000);
  assert.equal(h.status(), 'stopped', 'the back-off timer was cancelled');
  h.actor.send({ type: 'START' });
  assert.equal(h.status(), 'starting');
  assert.equal(h.ctx().crashesInRow, 0);
  h.spawned();
  h.exited();
  assert.equal(h.status(), 'starting', 'first crash after START restarts at once again');
});

test('RESTART in crashloop restarts now; START too', async () => {
  const h = harness({ spec: { backoff: { initialMs: 1_000, maxMs: 10_000, resetAfterMs: 60_000 } } });
  h.actor.send({ type: 'START' });
  h.spawned();
  h.exited();
  h.spawned();
  h.exited();
  h.actor.send({ type: 'RESTART' });
  assert.equal(h.status(), 'starting');
  assert.equal(h.ctx().restarts, 2);
});

test('RESTART while online: stopping the old process, then a new one; counts a restart', async () => {
  const h = harness();
  h.actor.send({ type: 'START' });
  h.spawned();
  h.actor.send({ type: 'RESTART' });
  assert.equal(h.status(), 'stopping');
  await flush();
  assert.equal(h.status(), 'starting');
  assert.equal(h.runs.length, 2);
  assert.equal(h.ctx().restarts, 1);
  assert.equal(h.stops[0]!.pid, 100);
  assert.ok(h.reasons().includes('Restarting'));
});

test('STOP during a restart ends stopped', async () => {
  const h = harness();
  h.actor.send({ type: 'START' });
  h.spawned();
  h.actor.send({ type: 'RESTART' });
  h.actor.send({ type: 'STOP' });
  await flush();
  assert.equal(h.status(), 'stopped');
  assert.equal(h.runs.length, 1);
});
