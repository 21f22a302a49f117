// The same N tiny processes (`sleep 100000`; a node app is ~40 MB each) three
// ways, until all run:
//   floor: a plain Node loop spawns them (detached, own group, stdio ignored)
//          and waits for every 'spawn' event
//   berth: one manifest with `instances: N` renamed into the watched dir of a
//          running, idle controller, until its store records all online
//          (read from the benchmark, store-poll.mjs says why), then GET
//          /v1/instances must agree
//   pm2:   `pm2 start` of the same app (`interpreter: none`), until the marked
//          processes all run
// Then, on berth and PM2, the daemon's RSS and idle CPU at N.
import { spawn } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { discardLater } from './discard-later.mjs';
import { BerthDriver } from './berth-driver.mjs';
import { Pm2Driver } from './pm2-driver.mjs';
import { waitAllOnline } from './api-poll.mjs';
import { waitAllOnlineInStore } from './store-poll.mjs';
import { killGroups, killMarked, processesWithEnv } from './procs.mjs';
import { idleCpuPercent, median, rssBytes, rssParts, sleep } from './system.mjs';
import { MARKER, MARKER_VAR } from './scenarios.mjs';

const runId = MARKER.split('=')[1];
const SLEEP_ARGS = ['100000'];
const CREATE_APPEND = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_APPEND;

/**
 * The floor: N `sleep`s spawned by a plain loop, until every 'spawn' event.
 * With `logs`, each process's stdout and stderr go to two new files in one
 * folder (created O_EXCL|O_APPEND, as berth creates an instance's logs), the
 * floor for what a process manager must do for each of them. Creating a file
 * costs what the filesystem makes it cost: on this VM's /tmp, after a day of
 * test runs, 2000 files took ~1 s and 1.3-1.8 s of kernel CPU, against ~90 ms
 * in a fresh folder elsewhere on the same disk (ext4 scans past recently
 * freed inodes of a folder's block group).
 */
export async function floorScaleRun(n, { logs = false } = {}) {
  const pids = [];
  const logDir = logs ? mkdtempSync(path.join(tmpdir(), 'berth-bench-floor-')) : undefined;
  if (logDir) discardLater(logDir);
  try {
    const t0 = performance.now();
    const spawned = [];
    for (let i = 0; i < n; i++) {
      const fds = logDir ? ['out', 'err'].map((stream) => openSync(path.join(logDir, `sleep-${i}-${stream}.log`), CREATE_APPEND, 0o640)) : [];
      const stdio = logDir ? ['ignore', ...fds] : 'ignore';
      const child = spawn('sleep', SLEEP_ARGS, { env: { ...process.env, [MARKER_VAR]: runId }, detached: true, stdio });
      for (const fd of fds) closeSync(fd);
      spawned.push(new Promise((resolve, reject) => {
        child.once('spawn', resolve);
        child.once('error', reject);
      }));
      child.unref();
      pids.push(child.pid);
    }
    await Promise.all(spawned);
    return { allOnlineMs: performance.now() - t0 };
  } finally {
    killGroups(pids);
    await killMarked(MARKER);
  }
}

const sleepersManifest = (n) => [
  'apiVersion: berth/v1',
  'kind: App',
  'metadata: {name: sleepers}',
  'spec:',
  '  script: sleep',
  `  args: ${JSON.stringify(SLEEP_ARGS)}`,
  `  instances: ${n}`,
  `  env: {${MARKER_VAR}: "${runId}"}`,
  '  stopTimeout: 5s',
  '',
].join('\n');

/** With `extras`: RSS, idle CPU over `idleSeconds`, and list latency at N on the same controller. */
export async function berthScaleRun(n, { extras = false, idleSeconds = 30, nodeArgs = [] } = {}) {
  const driver = new BerthDriver({ nodeArgs });
  const out = { n };
  try {
    await driver.up();
    await sleep(500);
    const t0 = performance.now();
    driver.writeManifest('sleepers.yaml', sleepersManifest(n));
    out.allOnlineMs = await waitAllOnlineInStore(driver.home, n, { t0 });
    // the controller's own answer must agree: the API's view, asked once the store says all are online
    out.apiAgreesMs = await waitAllOnline(driver.home, n, { t0 });
    if (extras) {
      await sleep(3000);
      out.idleCpuPct = await idleCpuPercent(driver.pid, idleSeconds);
      out.rssBytes = rssBytes(driver.pid);
      out.rssParts = rssParts(driver.pid);
      const lists = [];
      for (let i = 0; i < 10; i++) {
        const res = await driver.cli(['list', '-o', 'json']);
        if (res.code !== 0) throw new Error(res.stderr);
        lists.push(res.ms);
      }
      out.listMs = median(lists);
      out.listRunsMs = lists;
      out.listTableMs = (await driver.cli(['list'])).ms;
    }
    const down = await driver.down({ timeoutMs: 180_000 });
    out.downMs = down.ms;
    return out;
  } finally {
    await driver.cleanup({ marker: MARKER });
  }
}

export async function pm2ScaleRun(n, { extras = false, idleSeconds = 30 } = {}) {
  const pm2 = new Pm2Driver();
  const out = { n };
  try {
    await pm2.daemon();
    await sleep(500);
    const file = pm2.writeEcosystem([{ name: 'sleepers', script: 'sleep', args: SLEEP_ARGS, interpreter: 'none', instances: n, exec_mode: 'fork', env: { [MARKER_VAR]: runId }, kill_timeout: 5000 }]);
    const t0 = performance.now();
    const started = pm2.run(['start', file], { timeoutMs: 10 * 60_000 });
    // PM2 says online once a fork is spawned: the same moment as the floor's 'spawn' event
    while (processesWithEnv(MARKER).length < n) {
      if (performance.now() - t0 > 10 * 60_000) throw new Error(`pm2: ${n} sleepers not running after 10 min`);
      await sleep(100);
    }
    out.allOnlineMs = performance.now() - t0;
    const res = await started;
    if (res.code !== 0) throw new Error(`pm2 start failed: ${res.stderr}`);
    if (extras) {
      await sleep(3000);
      out.idleCpuPct = await idleCpuPercent(pm2.pid, idleSeconds);
      out.rssBytes = rssBytes(pm2.pid);
      out.rssParts = rssParts(pm2.pid);
    }
    return out;
  } finally {
    await pm2.cleanup({ marker: MARKER });
  }
}
