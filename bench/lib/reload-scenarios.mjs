// Reload under load, side by side: the same app (examples/hello/server.js,
// `listen(process.env.PORT)`, drains on SIGTERM), 4 instances on ONE port,
// 8 closed-loop clients, 5 reloads of all 4 instances.
//   pm2:        PM2 cluster mode (`-i 4`, exec_mode cluster), `pm2 reload web`
//   primitives: berth's socket layer (src/socket, from dist/) driven by this
//               script the way the controller will drive it: one socket
//               berth owns, each instance replaced StartFirst (ready = it
//               accepts on the socket), old one SIGTERMed. No controller yet.
//   berth:      `socket: {shared: true}` through `berth up` + `berth reload web`
//               (the controller owns the socket and hands it over).
// Each returns the raw samples summarised: failed requests, p99 latency
// while a reload runs vs steady state, throughput.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { BerthDriver, ROOT } from './berth-driver.mjs';
import { Pm2Driver } from './pm2-driver.mjs';
import { findFreeRange, waitAllAnswer } from './net.mjs';
import { killMarked } from './procs.mjs';
import { sleep } from './system.mjs';

const HELLO_DIR = path.join(ROOT, 'examples', 'hello');
const dist = (file) => path.join(ROOT, 'dist', file);
const here = new URL('.', import.meta.url).pathname;
const MARKER_VAR = 'BERTH_BENCH_RELOAD';

export const RELOAD_CONFIG = { instances: 4, clients: 8, reloads: 5, steadyMs: 3000, gapMs: 1000 };

/**
 * Runs `reloadOnce` `reloads` times under closed-loop load: a steady window
 * first, a gap after each reload, and summarises the samples.
 */
async function underLoad(port, reloadOnce, { clients, reloads, steadyMs, gapMs }) {
  const now = () => performance.timeOrigin + performance.now(); // epoch ms, comparable with the worker's samples
  const load = startLoadWorker(port, clients);
  const windows = [];
  const t0 = now();
  let samples = [];
  try {
    await sleep(steadyMs);
    for (let i = 0; i < reloads; i++) {
      const start = now();
      await reloadOnce(i);
      windows.push({ start, end: now() });
      await sleep(gapMs);
    }
  } finally {
    samples = await load.stop();
  }
  return summarise(samples, windows, now() - t0);
}

/** The load generator in its own process (load-worker.mjs); stop() resolves with its samples. */
function startLoadWorker(port, clients) {
  const child = spawn(process.execPath, [path.join(here, 'load-worker.mjs'), String(port), String(clients)], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const done = new Promise((resolve, reject) => child.once('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load worker exited ${code}`)))));
  return { stop: () => (child.stdin.end(), done) };
}

export function summarise(samples, windows, wallMs) {
  const inReload = (s) => windows.some((w) => s.end >= w.start && s.start <= w.end);
  const p99 = (list) => {
    const d = list.map((s) => s.end - s.start).sort((a, b) => a - b);
    return d.length ? d[Math.min(d.length - 1, Math.ceil(0.99 * d.length) - 1)] : null;
  };
  const reload = samples.filter(inReload);
  const steady = samples.filter((s) => !inReload(s));
  const failed = samples.filter((s) => !s.ok);
  const steadyMs = wallMs - windows.reduce((sum, w) => sum + (w.end - w.start), 0);
  return {
    requests: samples.length,
    failed: failed.length,
    errors: [...new Set(failed.map((s) => s.error))].slice(0, 5),
    p99SteadyMs: p99(steady),
    p99ReloadMs: p99(reload),
    throughputRps: (samples.length - failed.length) / (wallMs / 1000),
    steadyThroughputRps: steady.filter((s) => s.ok).length / (steadyMs / 1000),
    reloadMs: windows.map((w) => w.end - w.start),
    pids: new Set(samples.map((s) => s.pid).filter(Boolean)).size,
  };
}

export async function pm2ClusterReload(config = RELOAD_CONFIG) {
  const pm2 = new Pm2Driver();
  const runId = `pm2-${process.pid}-${Date.now()}`;
  try {
    await pm2.daemon();
    const port = await findFreeRange(1);
    const file = pm2.writeEcosystem([{
      name: 'web',
      script: path.join(HELLO_DIR, 'server.js'),
      cwd: HELLO_DIR,
      instances: config.instances,
      exec_mode: 'cluster',
      env: { PORT: port, [MARKER_VAR]: runId },
      // the app drains on SIGTERM; PM2's default kill signal is SIGINT, which it does not handle
      kill_signal: 'SIGTERM',
      kill_timeout: 5000,
    }]);
    const started = await pm2.run(['start', file]);
    if (started.code !== 0) throw new Error(`pm2 start failed: ${started.stderr}`);
    await waitAllAnswer([port]);
    return await underLoad(port, async () => {
      const res = await pm2.run(['reload', 'web']);
      if (res.code !== 0) throw new Error(`pm2 reload failed: ${res.stderr}`);
    }, config);
  } finally {
    await pm2.cleanup();
    await killMarked(`${MARKER_VAR}=${runId}`);
  }
}

export async function socketPrimitivesReload(config = RELOAD_CONFIG) {
  const { openListeningSocket } = await import(dist('src/socket/index.js'));
  const { SocketSwapper } = await import(dist('test/helpers/socket-swapper.js'));
  const runId = `primitives-${process.pid}-${Date.now()}`;
  const socket = await openListeningSocket({ port: await findFreeRange(1) });
  const swapper = new SocketSwapper(socket, {
    script: process.execPath, args: ['server.js'], cwd: HELLO_DIR, env: { ...process.env, [MARKER_VAR]: runId },
  }, { stopTimeoutMs: 5000 });
  try {
    await swapper.start(config.instances);
    return await underLoad(socket.port, async () => {
      for (let i = 0; i < config.instances; i++) await swapper.swap(i, 'StartFirst');
    }, config);
  } finally {
    swapper.killAll();
    socket.close();
    await killMarked(`${MARKER_VAR}=${runId}`);
  }
}

/**
 * berth itself: a manifest with `instances: 4`, `port: P`, `socket: {shared:
 * true}` in a running controller's watched directory, then 5 × `berth reload
 * web` under the same load. berth owns the socket, each instance is replaced
 * StartFirst (the default on a socket; ready = it accepts), the old one gets
 * SIGTERM and drains; the controller never accepts, so it is not in the data path.
 */
export async function berthSharedReload(config = RELOAD_CONFIG) {
  const runId = `berth-${process.pid}-${Date.now()}`;
  const driver = new BerthDriver({ prefix: 'berth-bench-reload-' });
  try {
    await driver.up();
    const port = await findFreeRange(1);
    driver.writeManifest('web.yaml', [
      'apiVersion: berth/v1', 'kind: App', 'metadata: {name: web}', 'spec:',
      '  script: node', '  args: [server.js]', `  cwd: ${JSON.stringify(HELLO_DIR)}`,
      `  instances: ${config.instances}`, `  port: "${port}"`, '  socket: {shared: true}',
      `  env: {${MARKER_VAR}: ${JSON.stringify(runId)}}`, '  stopTimeout: 5s', '',
    ].join('\n'));
    await waitAllOnline(driver, config.instances);
    await waitAllAnswer([port]);
    return await underLoad(port, async () => {
      const res = await driver.cli(['reload', 'web']);
      if (res.code !== 0) throw new Error(`berth reload failed: ${res.stderr}`);
    }, config);
  } finally {
    await driver.cleanup({ marker: `${MARKER_VAR}=${runId}` });
  }
}

async function waitAllOnline(driver, count, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await driver.list();
    if (rows.length === count && rows.every((r) => r.status === 'online')) return;
    if (Date.now() > deadline) throw new Error(`berth: ${count} instances not online in time: ${JSON.stringify(rows)}`);
    await sleep(100);
  }
}
