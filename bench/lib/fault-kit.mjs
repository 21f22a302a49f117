// What every fault pass of `npm run chaos` shares: a controller with a few
// steady apps (sleep instances and an HTTP app on an auto port, all carrying
// the run's marker), and the checks run after each fault: no running app
// stopped by accident, no duplicate process, no port held twice, store pids
// = live processes, integrity_check ok, the controller alive and answering.
import path from 'node:path';
import { BerthDriver } from './berth-driver.mjs';
import { findFreeRange } from './net.mjs';
import { sleep } from './system.mjs';
import { checkInvariants, inspectStore, markedProcesses } from '../../dist/test/reliability/chaos-checks.js';

const HELLO_DIR = new URL('../../examples/hello/', import.meta.url).pathname;

export function faultKit({ markerVar, run, convergeMs = 30_000 }) {
  const manifest = (name, { instances = 1, port, extra = [] } = {}) => [
    'apiVersion: berth/v1',
    'kind: App',
    `metadata: {name: ${name}}`,
    'spec:',
    ...(port ? ['  script: node', '  args: [server.js]', `  cwd: ${JSON.stringify(HELLO_DIR)}`, `  port: "${port}"`] : ['  script: sleep', '  args: ["100000"]']),
    `  instances: ${instances}`,
    `  env: {${markerVar}: "${run}"}`,
    '  stopTimeout: 3s',
    ...extra,
    '',
  ].join('\n');

  /** A controller with s0 (2 sleeps), s1 (1 sleep) and h0 (HTTP on an auto port), all online. */
  async function start({ prefix = 'berth-fault-', home, upArgs = [] } = {}) {
    const driver = new BerthDriver({ prefix, upArgs: ['--sweep-interval', '250ms', '--resync', '2s', ...upArgs] });
    if (home) await home(driver);
    const base = await findFreeRange(6, { from: 24000 });
    const desired = new Map([['s0', 2], ['s1', 1], ['h0', 1]]);
    driver.writeManifest('s0.yaml', manifest('s0', { instances: 2 }));
    driver.writeManifest('s1.yaml', manifest('s1'));
    driver.writeManifest('h0.yaml', manifest('h0', { port: `auto:${base}-${base + 5}` }));
    await driver.up();
    const problems = await converge(driver, desired);
    if (problems.length) throw new Error(`the steady apps never came up: ${problems.join('; ')}`);
    return { driver, desired, steady: steadyPids() };
  }

  const steadyPids = () => new Map(markedProcesses(markerVar, run).map((p) => [`${p.app}/${p.instance}`, p.pid]));

  function problemsNow(driver, desired) {
    try {
      return checkInvariants({ processes: markedProcesses(markerVar, run), store: inspectStore(path.join(driver.home, 'state.db')), desired });
    } catch (err) {
      return [`cannot inspect: ${err.message}`];
    }
  }

  /** Polls until every invariant holds (desired: app → online instances), or returns what still fails. */
  async function converge(driver, desired, timeoutMs = convergeMs) {
    const deadline = Date.now() + timeoutMs;
    let problems = [];
    while (Date.now() < deadline) {
      problems = problemsNow(driver, desired);
      if (problems.length === 0) return [];
      await sleep(250);
    }
    return problems;
  }

  /** The steady processes that are gone (stopped by accident), as sentences. */
  function stopped(before) {
    const now = new Set(markedProcesses(markerVar, run).map((p) => p.pid));
    return [...before].filter(([, pid]) => !now.has(pid)).map(([key, pid]) => `${key} (pid ${pid}) was stopped`);
  }

  /** The controller answers `list` (detached controllers have no child handle: ask the socket). */
  async function answering(driver) {
    const res = await driver.cli(['list', '-o', 'json'], { timeoutMs: 15_000 });
    return res.code === 0 && !res.stderr.includes('note:') ? [] : [`the controller does not answer: ${res.stderr.trim().split('\n').at(-1)}`];
  }

  /** After a fault: nothing stopped by accident, the controller answers, every invariant holds. */
  async function verify(driver, { desired, steady }) {
    const problems = [...stopped(steady), ...(await answering(driver))];
    if (driver.controller && !driver.alive()) problems.push(`the controller died:\n${driver.output().slice(-1500)}`);
    return [...problems, ...(await converge(driver, desired))];
  }

  /**
   * Runs `round(driver, state, i)` `count` times on a controller with steady
   * apps and collects the problems; `fresh` starts a new one for each round.
   * `setup` runs once per controller, `teardown` before its cleanup.
   */
  async function rounds({ fresh = false, setup, teardown, ...startOptions }, count, round) {
    const problems = [];
    let state;
    const close = async () => {
      if (!state) return;
      const closing = state;
      state = undefined;
      try {
        await teardown?.(closing);
      } finally {
        await closing.driver.cleanup();
      }
    };
    try {
      for (let i = 0; i < count; i++) {
        if (!state) {
          state = await start(startOptions);
          if (setup) problems.push(...(await setup(state)));
        }
        problems.push(...(await round(state.driver, state, i)));
        if (fresh) await close();
      }
    } finally {
      await close();
    }
    return problems;
  }

  return { manifest, start, rounds, converge, verify, stopped, answering, steadyPids };
}
