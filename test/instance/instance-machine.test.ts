// Every transition of the instance machine, with a SimulatedClock and fake actors: no real process, no real time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActor, fromCallback, fromPromise, SimulatedClock, type EventObject } from 'xstate';
import { instanceMachine, FAST_READINESS_ATTEMPTS, type RunProcessInput, type StopProcessInput, type ProbeInput, type InstanceMachineEvent } from '../../src/instance/instance-machine.js';
import { statusOf } from '../../src/instance/instance-handle.js';
import type { AppSpec, ProbeSpec } from '../../src/manifest/types.js';
import type { AdoptedProcess, InstanceEvent } from '../../src/instance/types.js';
import type { ProbeResult } from '../../src/instance/probes/run-probe.js';
import { flush, makeConfig } from './helpers.js';

interface Run {
  input: RunProcessInput;
  send: (e: InstanceMachineEvent) => void;
  disposed: boolean;
}

function harness({ spec = {}, port, adopt, probeResults = [], stopForced = false, stopFails = false, runThrows = false }: {
  spec?: Partial<AppSpec>;
  port?: number;
  adopt?: AdoptedProcess;
  probeResults?: boolean[];
  stopForced?: boolean;
  stopFails?: boolean;
  runThrows?: boolean;
} = {}) {
  const clock = new SimulatedClock();
  const runs: Run[] = [];
  const stops: StopProcessInput[] = [];
  const probes: ProbeInput[] = [];
  const events: InstanceEvent[] = [];
  const machine = instanceMachine.provide({
    actors: {
      runProcess: fromCallback<EventObject, RunProcessInput>(({ input, sendBack }) => {
        if (runThrows) throw new Error('runner exploded');
        const run: Run = { input, send: (e) => sendBack(e), disposed: false };
        runs.push(run);
        return () => (run.disposed = true);
      }),
      stopProcess: fromPromise<{ forced: boolean }, StopProcessInput>(async ({ input }) => {
        stops.push(input);
        if (stopFails) throw new Error('EPERM');
        return { forced: stopForced };
      }),
      probe: fromPromise<ProbeResult, ProbeInput>(async ({ input }) => {
        probes.push(input);
        const ok = probeResults.length ? probeResults.shift()! : true;
        return ok ? { ok } : { ok, message: 'HTTP 503' };
      }),
    },
  });
  const actor = createActor(machine, { clock, input: { config: makeConfig({ ports: { port, tcp: [], udp: [] }, spec: spec as AppSpec }), adopt, now: () => clock.now() } });
  actor.on('instance.event', (e) => events.push(e));
  const errors: unknown[] = [];
  actor.subscribe({ error: (err) => errors.push(err) });
  actor.start();
  const status = () => statusOf(actor.getSnapshot());
  const ctx = () => actor.getSnapshot().context;
  const lastRun = () => runs.at(-1)!;
  let nextPid = 100;
  const spawned = (startedAt?: number) => lastRun().send({ type: 'SPAWNED', pid: nextPid++, startTime: '1', startedAt: startedAt ?? null, adopted: false });
  const exited = (code: number | null = 1, signal: string | null = null) => lastRun().send({ type: 'EXITED', code, signal });
  const advance = async (ms: number) => {
    clock.increment(ms);
    await flush();
  };
  const reasons = () => events.map((e) => e.reason);
  return { actor, clock, runs, stops, probes, events, errors, status, ctx, spawned, exited, advance, reasons, lastRun };
}

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

test('crash: first restart at once, then back-off doubling from initialMs, capped at maxMs', async () => {
  const h = harness({ spec: { backoff: { initialMs: 50, maxMs: 150, resetAfterMs: 10_000 } } });
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
  assert.deepEqual(delays, [50, 100, 150]);
  assert.equal(h.ctx().restarts, 4);
  assert.ok(h.reasons().includes('BackOff'));
  assert.ok(h.reasons().includes('Crashed'));
});

test('running resetAfterMs resets the back-off curve', async () => {
  const h = harness({ spec: { backoff: { initialMs: 50, maxMs: 1_000, resetAfterMs: 5_000 } } });
  h.actor.send({ type: 'START' });
  h.spawned();
  h.exited();
  h.spawned();
  h.exited();
  assert.equal(h.status(), 'crashloop');
  await h.advance(50);
  h.spawned();
  await h.advance(5_000);
  h.exited();
  assert.equal(h.status(), 'starting', 'a crash after a long healthy run restarts at once again');
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
  h.spawned();
  await h.advance(1_000);
  h.exited();
  assert.equal(h.ctx().unstableExits, 0, 'a run past minUptime is stable');
  for (let i = 0; i < 2; i++) {
    h.spawned();
    h.exited();
    assert.equal(h.status(), 'starting');
  }
  h.spawned();
  h.exited();
  assert.equal(h.status(), 'errored');
  assert.match(h.events.at(-1)!.message, /Gave up after 3 exits/);
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
  assert.deepEqual(h.stops, [{ pid: 100, signal: 'SIGINT', timeoutMs: 1_234 }]);
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
