// One timed scenario per system, on the same app (examples/hello/server.js):
// from "desired state given" until all N instances answer HTTP on their ports.
//   floor: the N processes spawned directly by this script (the lower bound)
//   berth: a manifest written into the watched dir of a running controller
//   pm2:   `pm2 start ecosystem.config.cjs` against a running God daemon
//   least: (one instance) a manifest written into the folder of the least
//          manager, which does only what berth's contract requires (least-manager.mjs)
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { discardLater } from './discard-later.mjs';
import { BerthDriver, ROOT, writeManifestFile } from './berth-driver.mjs';
import { Pm2Driver } from './pm2-driver.mjs';
import { findFreeRange, waitAllAnswer } from './net.mjs';
import { killGroups, killMarked } from './procs.mjs';
import { cpuTicks, idleCpuPercent, median, rssBytes, rssParts, sleep } from './system.mjs';

export const HELLO_DIR = path.join(ROOT, 'examples', 'hello');
export const MARKER_VAR = 'BERTH_BENCH_RUN';
const runId = `${process.pid}-${Date.now()}`;
export const MARKER = `${MARKER_VAR}=${runId}`;

const SCALE_STEPS = 5;
/**
 * How often "all answering" polls the ports, the same for all three systems.
 * 20 ms quantised the one-instance runs: results fell on 90/110/130/150 ms
 * steps, so a ratio near the 1.3× line flipped with a few ms of jitter. 5 ms
 * for up to 20 ports (as the app's start time and scale +1 are polled); 20 ms
 * above, where polling every port that often would load the machine.
 */
const pollMsFor = (n) => (n <= 20 ? 5 : 20);
const portsFrom = (start, n) => Array.from({ length: n }, (_, i) => start + i);

/** Raw spawn-to-answer of one app process: the app's own start time. */
export async function appStartTime({ runs = 9 } = {}) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const port = await findFreeRange(1);
    const t0 = performance.now();
    const child = spawn(process.execPath, ['server.js'], { cwd: HELLO_DIR, env: { ...process.env, PORT: String(port), [MARKER_VAR]: runId }, detached: true, stdio: 'ignore' });
    child.unref();
    try {
      times.push(await waitAllAnswer([port], { t0, pollMs: 5, timeoutMs: 30_000 }));
    } finally {
      killGroups([child.pid]);
    }
    await sleep(200);
  }
  return { medianMs: median(times), runsMs: times };
}

export async function floorRun(n) {
  const start = await findFreeRange(n);
  const ports = portsFrom(start, n);
  const pids = [];
  try {
    const t0 = performance.now();
    for (const port of ports) {
      const child = spawn(process.execPath, ['server.js'], { cwd: HELLO_DIR, env: { ...process.env, PORT: String(port), [MARKER_VAR]: runId }, detached: true, stdio: 'ignore' });
      child.unref();
      pids.push(child.pid);
    }
    const spawnLoopMs = performance.now() - t0;
    const allMs = await waitAllAnswer(ports, { t0, pollMs: pollMsFor(n) });
    return { allMs, spawnLoopMs };
  } finally {
    killGroups(pids);
    await killMarked(MARKER);
  }
}

/**
 * The least manager (least-manager.mjs), idle after its start as berth is
 * after `up`: a one-instance manifest dropped into its folder, until the app
 * answers. The first-manifest row's second floor.
 */
export async function leastManagerRun() {
  const root = mkdtempSync(path.join(tmpdir(), 'berth-bench-least-'));
  const [dir, home] = [path.join(root, 'manifests'), path.join(root, 'home')];
  mkdirSync(dir);
  const manager = spawn(process.execPath, [new URL('./least-manager.mjs', import.meta.url).pathname, dir, home, String(await findFreeRange(1))], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise((resolve, reject) => {
      manager.stdout.once('data', resolve);
      manager.once('exit', (code) => reject(new Error(`the least manager exited (${code})`)));
    });
    await sleep(500);
    const start = await findFreeRange(1 + SCALE_STEPS);
    const t0 = performance.now();
    writeManifestFile(dir, 'web.yaml', berthManifest({ n: 1, start, extraPorts: SCALE_STEPS }));
    return { allMs: await waitAllAnswer([start], { t0, pollMs: pollMsFor(1) }) };
  } finally {
    manager.kill('SIGKILL');
    await killMarked(MARKER);
    discardLater(root);
  }
}

export function berthManifest({ n, start, extraPorts = 1 }) {
  return [
    'apiVersion: berth/v1',
    'kind: App',
    'metadata: {name: web}',
    'spec:',
    '  script: node',
    '  args: [server.js]',
    `  cwd: ${JSON.stringify(HELLO_DIR)}`,
    `  instances: ${n}`,
    `  port: "${start}-${start + n - 1 + extraPorts}"`,
    `  env: {${MARKER_VAR}: "${runId}"}`,
    '  stopTimeout: 5s',
    '',
  ].join('\n');
}

/**
 * berth: controller already running and idle; t0 = the manifest lands in the
 * watched dir. With `extras`, also measures RSS, idle CPU, list latency and
 * scale +1 on the same controller.
 */
export async function berthRun(n, { extras = false, idleSeconds = 30, appStartMs = 0, nodeArgs = [] } = {}) {
  const driver = new BerthDriver({ nodeArgs });
  const out = {};
  try {
    await driver.up();
    await sleep(500); // the controller settles (first sweep, resync timers armed)
    const start = await findFreeRange(n + SCALE_STEPS);
    const ports = portsFrom(start, n);
    const t0 = performance.now();
    driver.writeManifest('web.yaml', berthManifest({ n, start, extraPorts: SCALE_STEPS }));
    out.allMs = await waitAllAnswer(ports, { t0, pollMs: pollMsFor(n) });
    if (extras) Object.assign(out, await steadyStateExtras({
      pid: driver.pid,
      idleSeconds,
      listOnce: async () => {
        const res = await driver.cli(['list', '-o', 'json']);
        if (res.code !== 0) throw new Error(res.stderr);
        const rows = JSON.parse(res.stdout);
        if (rows.length !== n) throw new Error(`berth list returned ${rows.length} rows, expected ${n}`);
        return res.ms;
      },
      scaleByOne: async (step) => {
        const t1 = performance.now();
        driver.writeManifest('web.yaml', berthManifest({ n: n + step, start, extraPorts: SCALE_STEPS - step }));
        return waitAllAnswer([start + n + step - 1], { t0: t1, pollMs: 5 });
      },
      appStartMs,
      floors: { bareNode: bareNodeMs, socketRequest: () => socketRequestMs(path.join(driver.home, 'berth.sock'), '/v1/list'), storeRead: () => storeReadMs(driver.home) },
    }));
    if (extras && process.env.BENCH_PROFILE) out.controllerOutput = driver.output().slice(-2000);
    const down = await driver.down();
    out.downMs = down.ms;
    return out;
  } finally {
    await driver.cleanup({ marker: MARKER });
  }
}

export async function pm2Run(n, { extras = false, idleSeconds = 30, appStartMs = 0 } = {}) {
  const pm2 = new Pm2Driver();
  const out = {};
  try {
    await pm2.daemon();
    await sleep(500);
    const start = await findFreeRange(n + SCALE_STEPS);
    const ports = portsFrom(start, n);
    const file = pm2.writeEcosystem([{
      name: 'web',
      script: path.join(HELLO_DIR, 'server.js'),
      cwd: HELLO_DIR,
      instances: n,
      exec_mode: 'fork',
      increment_var: 'PORT',
      env: { PORT: start, [MARKER_VAR]: runId },
      kill_timeout: 5000,
    }]);
    const t0 = performance.now();
    const started = pm2.run(['start', file]);
    out.allMs = await waitAllAnswer(ports, { t0, pollMs: pollMsFor(n) });
    const res = await started;
    if (res.code !== 0) throw new Error(`pm2 start failed: ${res.stderr}`);
    out.cliMs = res.ms;
    if (extras) Object.assign(out, await steadyStateExtras({
      pid: pm2.pid,
      idleSeconds,
      listOnce: async () => {
        const r = await pm2.run(['jlist']);
        if (r.code !== 0) throw new Error(r.stderr);
        const rows = JSON.parse(r.stdout);
        if (rows.length !== n) throw new Error(`pm2 jlist returned ${rows.length} rows, expected ${n}`);
        return r.ms;
      },
      scaleByOne: async (step) => {
        const t1 = performance.now();
        const scaled = pm2.run(['scale', 'web', String(n + step)]);
        const ms = await waitAllAnswer([start + n + step - 1], { t0: t1, pollMs: 5 });
        await scaled;
        return ms;
      },
      appStartMs,
    }));
    return out;
  } finally {
    await pm2.cleanup({ marker: MARKER });
  }
}

/** Wall time of one `node ARGS` run to its exit. */
function nodeRunMs(args) {
  const t0 = performance.now();
  return new Promise((resolve, reject) => execFile(process.execPath, args, { maxBuffer: 64 * 2 ** 20 }, (err) => (err ? reject(err) : resolve(performance.now() - t0))));
}

/** Wall time of a bare `node -e 0`: what any Node CLI pays before its first line of code. */
export const bareNodeMs = () => nodeRunMs(['-e', '0']);

/** Wall time of the least a Node CLI does over berth's socket: one GET of `requestPath`, the body printed (socket-request.cjs). */
export const socketRequestMs = (socketPath, requestPath) => nodeRunMs([new URL('./socket-request.cjs', import.meta.url).pathname, socketPath, requestPath]);

/** Wall time of the least a Node CLI does to list from the store itself, without the controller (store-read.cjs). */
export const storeReadMs = (home) => nodeRunMs([new URL('./store-read.cjs', import.meta.url).pathname, home]);

/**
 * RSS, idle CPU over the window, list latency (median of 10; each list is
 * followed by one run of each of `floors`, e.g. `{ bareNode: bareNodeMs }`,
 * reported as `bareNodeMs` and `bareNodeRunsMs`), scale +1 minus the app's
 * own start time.
 */
async function steadyStateExtras({ pid, idleSeconds, listOnce, scaleByOne, appStartMs, floors = {} }) {
  const out = {};
  await sleep(3000); // let start-up work (readiness probes, first samples, GC) finish
  out.idleCpuPct = await idleCpuPercent(pid, idleSeconds);
  out.rssBytes = rssBytes(pid);
  out.rssParts = rssParts(pid);
  const lists = [];
  const floorRuns = Object.fromEntries(Object.keys(floors).map((name) => [name, []]));
  for (let i = 0; i < 10; i++) {
    lists.push(await listOnce());
    for (const [name, run] of Object.entries(floors)) floorRuns[name].push(await run());
  }
  out.listMs = median(lists);
  out.listRunsMs = lists;
  for (const [name, runs] of Object.entries(floorRuns)) {
    out[`${name}Ms`] = median(runs);
    out[`${name}RunsMs`] = runs;
  }
  // SCALE_STEPS times +1; the overhead is what it costs beyond the app's own start
  const scaleMs = [];
  for (let step = 1; step <= SCALE_STEPS; step++) {
    scaleMs.push(await scaleByOne(step));
    await sleep(500);
  }
  out.scaleMs = median(scaleMs);
  out.scaleRunsMs = scaleMs;
  out.scaleOverheadMs = out.scaleMs - appStartMs;
  out.cpuTicksAtEnd = cpuTicks(pid);
  return out;
}
