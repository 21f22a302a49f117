// The Supervisor with real processes, a real SQLite store and real time (small back-off values).
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { openStore, type Store } from '../../src/store/store.js';
import { Supervisor } from '../../src/instance/supervisor.js';
import type { InstanceHandle } from '../../src/instance/instance-handle.js';
import type { InstanceConfig } from '../../src/instance/types.js';
import type { AppSpec } from '../../src/manifest/types.js';
import { readStartTime } from '../../src/process/proc-stat.js';
import { firstLineOf, fixture, holdEventLoop, isAlive, killGroupAfter, makeSpec, tempDir, until } from './helpers.js';
import { supervisorSetup } from './supervisor-harness.js';

holdEventLoop();

function setup(t: TestContext, options: { sweepIntervalMs?: number } = {}) {
  return supervisorSetup(t, options);
}

const reasons = (store: Store, app = 'app') => store.events.list(app, 200).map((e) => e.reason);

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

test('crash loop: restarts at once, then backs off (100, 200, 400 ms…), restarts counted in the store', async (t) => {
  const { supervisor, store, track, config, errors } = setup(t);
  const statuses: string[] = [];
  const handle = track(supervisor.start(config({ args: [fixture('crash-after.mjs'), '20', '1'], backoff: { initialMs: 100, maxMs: 400, resetAfterMs: 60_000 } })));
  handle.subscribe((s) => statuses.at(-1) !== s.status && statuses.push(s.status));
  await until('4 restarts', () => handle.snapshot().restarts >= 4, 10_000);
  // The first restart is at once; then the back-off doubles from initialMs up to maxMs.
  const backoffs = store.events.list('app', 200).filter((e) => e.reason === 'BackOff').map((e) => Number(/Back-off (\d+) ms/.exec(e.message)?.[1]));
  assert.deepEqual(backoffs.slice(0, 3), [100, 200, 400]);
  assert.ok(statuses.includes('crashloop'));
  const row = store.instances.get('app', 0)!;
  assert.ok(row.restarts >= 4, `row restarts ${row.restarts}`);
  assert.equal(row.lastExitCode, 1);
  const r = reasons(store);
  assert.ok(r.includes('Crashed') && r.includes('BackOff') && r.includes('Started'));
  await handle.stop();
  assert.equal(handle.snapshot().status, 'stopped');
  assert.equal(store.instances.get('app', 0)!.status, 'stopped');
  assert.deepEqual(errors, []);
});

test('stop escalates to SIGKILL for a process that ignores SIGTERM, and its child dies too', async (t) => {
  const { supervisor, store, track, config, dir } = setup(t);
  const pidFile = path.join(dir, 'grandchild.pid');
  const handle = track(supervisor.start(config({ args: [fixture('ignore-sigterm-with-child.mjs'), pidFile], stopTimeoutMs: 300 })));
  await handle.waitReady({ timeoutMs: 5_000 });
  await until('grandchild started', () => existsSync(pidFile) && readFileSync(pidFile, 'utf8').length > 0);
  const grandchild = Number(readFileSync(pidFile, 'utf8'));
  killGroupAfter(t, grandchild);
  const pid = handle.snapshot().pid!;
  await handle.stop();
  assert.equal(readStartTime(pid), undefined);
  assert.equal(readStartTime(grandchild), undefined, 'grandchild gone');
  assert.ok(reasons(store).includes('Killed'));
  assert.deepEqual({ ...store.instances.get('app', 0)!, updatedAt: 0 }, { ...store.instances.get('app', 0)!, updatedAt: 0, status: 'stopped', pid: null, startTime: null });
});

test('a failing http liveness probe restarts the instance (Unhealthy), readiness by port first', async (t) => {
  const { supervisor, store, track, config } = setup(t);
  const port = await freePort();
  const livenessProbe = { type: 'http' as const, path: '/healthz', host: '127.0.0.1', initialDelayMs: 0, intervalMs: 100, timeoutMs: 500, failureThreshold: 2, successThreshold: 1 };
  const handle = track(supervisor.start(config({ args: [fixture('http-turns-unhealthy.mjs'), '300'], livenessProbe }, { ports: { port, tcp: [], udp: [] }, env: { PORT: String(port) } })));
  await handle.waitReady({ timeoutMs: 5_000 });
  const first = handle.snapshot().pid;
  await until('restarted by liveness', () => handle.snapshot().restarts >= 1 && handle.snapshot().status === 'online', 8_000);
  assert.notEqual(handle.snapshot().pid, first);
  assert.ok(!isAlive(first!));
  const unhealthy = store.events.list('app', 100).find((e) => e.reason === 'Unhealthy')!;
  assert.match(unhealthy.message, /Liveness probe failed 2 times: HTTP 500/);
  assert.equal(store.instances.get('app', 0)!.restarts, handle.snapshot().restarts);
});

test('memory limit: a process above maxMemoryBytes in the sweep sample is restarted', async (t) => {
  const { supervisor, store, track, config } = setup(t);
  const handle = track(supervisor.start(config({ args: [fixture('memory-hog.mjs'), '100'], maxMemoryBytes: 50 * 1024 * 1024, backoff: { initialMs: 50, maxMs: 100, resetAfterMs: 60_000 } })));
  await until('memory restart', () => reasons(store).includes('MemoryLimit'), 10_000);
  await until('restarted', () => handle.snapshot().restarts >= 1);
  const event = store.events.list('app', 100).find((e) => e.reason === 'MemoryLimit')!;
  assert.match(event.message, /exceeds the limit of 52428800 bytes/);
  await handle.stop();
});

test('controller SIGKILLed: a new Supervisor adopts the same PID from the store and starts no duplicate', async (t) => {
  const { supervisor, store, track, dir } = setup(t);
  const token = `adopt-${process.pid}-${Date.now()}`;
  const logDir = path.join(dir, 'logs');
  const controller = spawn(process.execPath, [fixture('supervisor-in-child.mjs'), path.join(dir, 'state.db'), token, logDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  t.after(() => controller.kill('SIGKILL'));
  const line = await firstLineOf(controller);
  const { pid } = JSON.parse(line) as { pid: number };
  killGroupAfter(t, pid);
  controller.kill('SIGKILL');
  await new Promise((resolve) => controller.once('exit', resolve));
  assert.ok(isAlive(pid), 'the app outlived its controller');

  const row = store.instances.get('adoptme', 0)!;
  assert.equal(row.pid, pid);
  assert.equal(row.status, 'online');
  const spec = makeSpec({ args: [fixture('sleeper.mjs'), token], cwd: dir, stopTimeoutMs: 2_000 });
  const handle = track(supervisor.start({ app: 'adoptme', index: 0, spec, specHash: 'h1', env: {}, ports: { tcp: [], udp: [] }, logDir }, { pid: row.pid!, startTime: row.startTime!, startedAt: row.startedAt, restarts: row.restarts }));
  await handle.waitReady({ timeoutMs: 5_000 });
  assert.equal(handle.snapshot().pid, pid);
  assert.equal(handle.snapshot().startedAt, row.startedAt);
  assert.ok(reasons(store, 'adoptme').includes('Adopted'));
  await supervisor.sweeper.tick();
  await supervisor.sweeper.tick(); // two sweeps later: still the one process
  assert.deepEqual(processesWithToken(token), [pid]);
  assert.equal(handle.snapshot().restarts, 0);
  // Adopted processes are supervised by the sweep alone: killing it from outside is noticed and it restarts.
  process.kill(-pid, 'SIGKILL');
  await until('restart after the adopted process died', () => handle.snapshot().restarts === 1 && handle.snapshot().status === 'online');
  assert.notEqual(handle.snapshot().pid, pid);
  assert.deepEqual(processesWithToken(token), [handle.snapshot().pid]);
  await handle.stop();
  assert.deepEqual(processesWithToken(token), []);
});

test('a record whose PID now runs another program (start time differs) is not adopted: a new process starts', async (t) => {
  const { supervisor, store, track, config } = setup(t);
  // The test runner's own pid: alive, but its start time is not the recorded one.
  const reused = { pid: process.pid, startTime: '1', startedAt: 1, restarts: 2 };
  const handle = track(supervisor.start(config({ args: [fixture('sleeper.mjs')] }), reused));
  await handle.waitReady({ timeoutMs: 5_000 });
  assert.notEqual(handle.snapshot().pid, process.pid);
  assert.equal(handle.snapshot().restarts, 3);
  const crashed = store.events.list('app', 100).find((e) => e.reason === 'Crashed')!;
  assert.match(crashed.message, new RegExp(`Recorded process ${process.pid} now belongs to another process .*not adopted`));
  // And a dead pid is not adopted either.
  const gone = track(supervisor.start(config({ args: [fixture('sleeper.mjs')] }, { index: 1 }), { pid: 2 ** 22 + 5, startTime: '1', startedAt: 1, restarts: 0 }));
  await gone.waitReady({ timeoutMs: 5_000 });
  assert.ok(gone.snapshot().pid! < 2 ** 22 + 5 && gone.snapshot().pid !== null);
  await supervisor.stopAll();
});

test('a script that does not exist: SpawnFailed events, then errored per maxRestarts; the daemon is unharmed', async (t) => {
  const { supervisor, store, config, errors } = setup(t);
  const handle = supervisor.start(config({ script: 'berth-no-such-script', maxRestarts: 3, backoff: { initialMs: 20, maxMs: 40, resetAfterMs: 60_000 } }));
  await assert.rejects(handle.waitReady({ timeoutMs: 5_000 }), /is errored and not ready: Cannot start 'berth-no-such-script'/);
  assert.equal(reasons(store).filter((r) => r === 'SpawnFailed').length, 3);
  assert.equal(store.instances.get('app', 0)!.status, 'errored');
  assert.deepEqual(errors, []);
});

test('reload hand-over: a replacement for the same (app, index) takes over the row when ready; then the old one stops', async (t) => {
  const { supervisor, store, track, config } = setup(t);
  const [p1, p2] = [await freePort(), await freePort()];
  const old = track(supervisor.start(config({ args: [fixture('http-turns-unhealthy.mjs'), '600000'] }, { ports: { port: p1, tcp: [], udp: [] }, env: { PORT: String(p1) } })));
  await old.waitReady({ timeoutMs: 5_000 });
  const next = track(supervisor.startReplacement(config({ args: [fixture('http-turns-unhealthy.mjs'), '600000'] }, { ports: { port: p2, tcp: [], udp: [] }, env: { PORT: String(p2) }, specHash: 'h2' })));
  assert.equal(next.key, 'app/0#1');
  assert.equal(supervisor.get('app', 0), old, 'the old one stands for the instance until the new is ready');
  await next.waitReady({ timeoutMs: 5_000 });
  assert.equal(supervisor.get('app', 0), next);
  assert.equal(old.snapshot().status, 'online', 'both run during the hand-over');
  const row = store.instances.get('app', 0)!;
  assert.deepEqual([row.pid, row.specHash, row.status], [next.snapshot().pid, 'h2', 'online']);
  await old.stop();
  await supervisor.sweeper.tick();
  assert.equal(store.instances.get('app', 0)!.pid, next.snapshot().pid, 'the old one stopping does not touch the row');
  assert.deepEqual(supervisor.list({ all: true }), [next]);
  await supervisor.stopAll();
  assert.equal(store.instances.get('app', 0)!.status, 'stopped');
});

test('the sweep rotates a running app\'s log, keeping maxFiles copies', async (t) => {
  const { supervisor, track, config, dir } = setup(t, { sweepIntervalMs: 50 });
  const handle = track(supervisor.start(config({ args: [fixture('log-spammer.mjs'), '5', '40'], logs: { maxSizeBytes: 16 * 1024, maxFiles: 2 } }, { app: 'spam' })));
  const out = path.join(dir, 'logs', 'spam-0.out.log');
  await until('two rotations', () => existsSync(`${out}.2`), 10_000);
  const files = () => readdirSync(path.join(dir, 'logs')).filter((f) => f.startsWith('spam-0.out.log')).sort().join(' ');
  for (let i = 0; i < 10; i++) {
    await supervisor.sweeper.tick();
    assert.equal(existsSync(`${out}.3`), false, 'never more than maxFiles copies');
  }
  // A sweep may be mid-rotation at any instant: wait for a quiet moment.
  await until('rotation settled', () => files() === 'spam-0.out.log spam-0.out.log.1 spam-0.out.log.2');
  await handle.stop();
});

test('detachAll leaves the processes running and their rows adoptable', async (t) => {
  const { supervisor, store, track, config } = setup(t);
  const handle = track(supervisor.start(config({ args: [fixture('sleeper.mjs')] })));
  await handle.waitReady({ timeoutMs: 5_000 });
  const pid = handle.snapshot().pid!;
  supervisor.detachAll();
  assert.equal(supervisor.sweeper.size, 0);
  assert.ok(isAlive(pid));
  assert.deepEqual(reasons(store).filter((r) => r === 'Stopped' || r === 'Killed'), [], 'detaching never stops the process');
  const row = store.instances.get('app', 0)!;
  assert.deepEqual([row.pid, row.status, row.startTime], [pid, 'online', readStartTime(pid)]);
});

test('starting an instance writes its row once per state it passes (pending, starting, online), never the same state twice', async (t) => {
  const { supervisor, store, track, config } = setup(t);
  const written: string[] = [];
  const upsert = store.instances.upsert.bind(store.instances);
  store.instances.upsert = (app, index, patch) => {
    written.push(patch.status ?? '?');
    upsert(app, index, patch);
  };
  const handle = track(supervisor.start(config({ args: [fixture('sleeper.mjs')] })));
  await handle.waitReady({ timeoutMs: 5_000 });
  assert.deepEqual(written, ['pending', 'starting', 'online']);
  assert.equal(store.instances.get('app', 0)!.status, 'online');
});

/** Pids whose command line contains `token` (to count duplicates). */
function processesWithToken(token: string): number[] {
  const found: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmd = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (cmd.includes(token) && !cmd.includes('supervisor-in-child') && !/\) Z /.test(stat)) found.push(Number(name));
    } catch {
      // raced with an exit
    }
  }
  return found;
}

test('a replacement carries the instance\'s restart count + 1 (PM2 counts reloads), either order, into the row', async (t) => {
  const { supervisor, store, track, config } = setup(t);
  const first = track(supervisor.start(config({ args: [fixture('sleeper.mjs')] })));
  await first.waitReady({ timeoutMs: 5_000 });
  await supervisor.replace(config({ args: [fixture('sleeper.mjs')] }, { specHash: 'h2' }), { order: 'StopFirst' });
  track(supervisor.get('app', 0)!);
  await supervisor.replace(config({ args: [fixture('sleeper.mjs')] }, { specHash: 'h3' }), { order: 'StartFirst' });
  const last = track(supervisor.get('app', 0)!);
  assert.notEqual(last, first);
  assert.equal(last.snapshot().restarts, 2);
  await until('the row shows the count', () => store.instances.get('app', 0)?.restarts === 2 && store.instances.get('app', 0)?.specHash === 'h3');
  await supervisor.stopAll();
});
