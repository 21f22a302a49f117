// The instance machine's restarts: crashes, back-off, restart policies, liveness, memory, spawn failures, adoption (SimulatedClock, fake actors).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProbeSpec } from '../../src/manifest/types.js';
import { harness } from './machine-harness.js';
import { flush } from './helpers.js';

test('crash: first restart at once, then back-off doubling from initialMs, capped at maxMs', async () => {
  const h = harness({ spec: { backoff: { initialMs: 100, maxMs: 300, resetAfterMs: 10_000 } } });
  h.actor.send({ type: 'START' });
  h.spawned();
  h.exited(1);
  assert.equal(h.status(), 'starting', 'first restart is immediate');
  assert.equal(h.ctx().restarts, 1);
  assert.equal(h.runs.length, 2);
  assert.equal(h.runs[0]!.disposed, true);
  assert.equal(h.ctx().lastExitCode, 1);

  const delays: number[] = [];
  for (let i = 0; i < 3; i++) {
    h.spawned();
    h.exited(1);
    assert.equal(h.status(), 'crashloop');
    delays.push(h.ctx().backoffMs);
    await h.advance(h.ctx().backoffMs - 1);
    assert.equal(h.status(), 'crashloop');
    await h.advance(1);
    assert.equal(h.status(), 'starting');
  }
  assert.deepEqual(delays, [100, 200, 300]);
  assert.equal(h.ctx().restarts, 4);
  assert.ok(h.reasons().includes('BackOff'));
  assert.ok(h.reasons().includes('Crashed'));
});

test('running resetAfterMs resets the back-off curve', async () => {
  const h = harness({ spec: { backoff: { initialMs: 100, maxMs: 1_000, resetAfterMs: 5_000 } } });
  h.actor.send({ type: 'START' });
  h.spawned();
  h.exited();
  h.spawned();
  h.exited();
  assert.equal(h.status(), 'crashloop');
  await h.advance(100);
  h.spawned();
  await h.advance(5_000);
  h.exited();
  assert.equal(h.status(), 'starting', 'a crash after a long healthy run restarts at once again');
});

test('restartDelay: 0 (a hot loop before): the first restart at once, then one per 100 ms at the most', async () => {
  const h = harness({ spec: { restartDelayMs: 0 } });
  h.actor.send({ type: 'START' });
  h.spawned();
  h.exited();
  assert.equal(h.status(), 'starting');
  for (let i = 0; i < 3; i++) {
    h.spawned();
    h.exited();
    assert.equal(h.status(), 'crashloop');
    await h.advance(99);
    assert.equal(h.status(), 'crashloop');
    await h.advance(1);
    assert.equal(h.status(), 'starting');
  }
  assert.equal(h.ctx().restarts, 4);
});

test('restartDelayMs replaces the curve with a fixed delay', async () => {
  const h = harness({ spec: { restartDelayMs: 300 } });
  h.actor.send({ type: 'START' });
  h.spawned();
  h.exited();
  assert.equal(h.status(), 'crashloop');
  assert.equal(h.ctx().backoffMs, 300);
  await h.advance(300);
  assert.equal(h.status(), 'starting');
});

test('restart policy Never: exit 0 → stopped, failure → errored', () => {
  const ok = harness({ spec: { restartPolicy: 'Never' } });
  ok.actor.send({ type: 'START' });
  ok.spawned();
  ok.exited(0);
  assert.equal(ok.status(), 'stopped');
  const bad = harness({ spec: { restartPolicy: 'Never' } });
  bad.actor.send({ type: 'START' });
  bad.spawned();
  bad.exited(null, 'SIGSEGV');
  assert.equal(bad.status(), 'errored');
  assert.equal(bad.ctx().lastExitSignal, 'SIGSEGV');
  assert.ok(bad.reasons().includes('Errored'));
});

test('restart policy OnFailure: exit 0 → stopped, exit 2 → restarted', () => {
  const ok = harness({ spec: { restartPolicy: 'OnFailure' } });
  ok.actor.send({ type: 'START' });
  ok.spawned();
  ok.exited(0);
  assert.equal(ok.status(), 'stopped');
  const bad = harness({ spec: { restartPolicy: 'OnFailure' } });
  bad.actor.send({ type: 'START' });
  bad.spawned();
  bad.exited(2);
  assert.equal(bad.status(), 'starting');
  assert.equal(bad.ctx().restarts, 1);
});

test('maxRestarts: that many exits in a row before minUptime → errored; a stable run resets the count', async () => {
  const h = harness({ spec: { maxRestarts: 3, minUptimeMs: 1_000, restartDelayMs: 0 } });
  h.actor.send({ type: 'START' });
  h.spawned();
  h.exited();
  h.spawned();
  h.exited();
  assert.equal(h.ctx().unstableExits, 2);
  await h.advance(100); // restarts after the first of a row wait 100 ms at least
  h.spawned();
  await h.advance(1_000);
  h.exited();
  assert.equal(h.ctx().unstableExits, 0, 'a run past minUptime is stable');
  await h.advance(100);
  for (let i = 0; i < 2; i++) {
    h.spawned();
    h.exited();
    await h.advance(100);
    assert.equal(h.status(), 'starting');
  }
  h.spawned();
  h.exited();
  assert.equal(h.status(), 'errored');
  assert.match(h.events.at(-1)!.message, /Gave up after 3 exits/);
});

test('liveness: failureThreshold failures in a row restart the instance (Unhealthy), successes in between reset', async () => {
  const livenessProbe: ProbeSpec = { type: 'tcp', host: '127.0.0.1', port: 9, initialDelayMs: 1_000, intervalMs: 500, timeoutMs: 100, failureThreshold: 2, successThreshold: 1 };
  const h = harness({ spec: { livenessProbe }, probeResults: [false, true, false, false] });
  h.actor.send({ type: 'START' });
  h.spawned();
  assert.equal(h.status(), 'online');
  await h.advance(1_000);
  await h.advance(500);
  await h.advance(500);
  assert.equal(h.status(), 'online', 'fail, ok, fail: not two in a row');
  await h.advance(500);
  await flush();
  assert.equal(h.status(), 'starting');
  assert.equal(h.ctx().restarts, 1);
  assert.equal(h.stops.length, 1);
  const unhealthy = h.events.find((e) => e.reason === 'Unhealthy')!;
  assert.match(unhealthy.message, /Liveness probe failed 2 times: HTTP 503/);
});

test('memory over the limit in a sample restarts the instance (MemoryLimit); under it only records', async () => {
  const h = harness({ spec: { maxMemoryBytes: 50_000_000 } });
  h.actor.send({ type: 'START' });
  h.spawned();
  h.lastRun().send({ type: 'SAMPLE', cpu: 3, memory: 40_000_000 });
  assert.equal(h.status(), 'online');
  assert.equal(h.ctx().memory, 40_000_000);
  h.lastRun().send({ type: 'SAMPLE', cpu: 3, memory: 60_000_000 });
  assert.equal(h.status(), 'stopping');
  await flush();
  assert.equal(h.status(), 'starting');
  assert.equal(h.ctx().restarts, 1);
  assert.ok(h.reasons().includes('MemoryLimit'));
});

test('spawn failure: SpawnFailed event, then restart policy and back-off apply', async () => {
  const h = harness({ spec: { maxRestarts: 2 } });
  h.actor.send({ type: 'START' });
  h.lastRun().send({ type: 'EXITED', code: null, signal: null, error: "Cannot start 'nope': not found", spawnFailed: true });
  assert.equal(h.status(), 'starting');
  assert.equal(h.ctx().lastError, "Cannot start 'nope': not found");
  h.lastRun().send({ type: 'EXITED', code: null, signal: null, error: "Cannot start 'nope': not found", spawnFailed: true });
  assert.equal(h.status(), 'errored');
  assert.deepEqual(h.reasons().filter((r) => r === 'SpawnFailed').length, 2);
});

test('an error thrown by the process actor is caught by onError: treated as an exit, never kills the actor', () => {
  const h = harness({ runThrows: true, spec: { restartPolicy: 'Never' } });
  h.actor.send({ type: 'START' });
  assert.equal(h.status(), 'errored');
  assert.match(h.ctx().lastError!, /runner exploded/);
  assert.deepEqual(h.errors, []);
  assert.equal(h.actor.getSnapshot().status, 'active');
});

test('adoption: restarts carried over, runProcess gets the record once; a later restart spawns fresh', () => {
  const adopt = { pid: 4242, startTime: '999', startedAt: 5, restarts: 7 };
  const h = harness({ adopt });
  assert.equal(h.ctx().restarts, 7);
  h.actor.send({ type: 'START' });
  assert.deepEqual(h.runs[0]!.input.adopt, adopt);
  h.lastRun().send({ type: 'SPAWNED', pid: 4242, startTime: '999', startedAt: 5, adopted: true });
  assert.equal(h.ctx().startedAt, 5);
  assert.equal(h.reasons()[0], 'Adopted');
  h.exited(null);
  assert.equal(h.ctx().restarts, 8);
  assert.equal(h.runs[1]!.input.adopt, undefined);
});

test('errored → START runs again with fresh counters', () => {
  const h = harness({ spec: { restartPolicy: 'Never' } });
  h.actor.send({ type: 'START' });
  h.spawned();
  h.exited(1);
  assert.equal(h.status(), 'errored');
  h.actor.send({ type: 'START' });
  assert.equal(h.status(), 'starting');
  assert.equal(h.runs.length, 2);
});
