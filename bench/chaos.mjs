// `npm run chaos`: the reliability harness (not part of `npm test`).
//  1. kill -9 the controller CHAOS_KILLS (20) times at random moments during
//     continuous apply/scale/delete churn of manifests in its watched dir
//     (`sleep` apps, and a few HTTP apps on auto ports); after each restart,
//     once it has converged: no duplicate instance, no port held twice (store
//     and live listeners), store pids = live processes, integrity_check ok.
//  2. a manifest fuzzer: CHAOS_FUZZ_CASES (1000) cases (mutated manifests,
//     wrong types, random bytes, 5 MB files, 10k-level nesting, alias bombs),
//     each parsed directly (one-line file:line:col errors, no throw) and fed
//     into a running controller's watched dir: it must not crash, and a
//     running app keeps its PID throughout.
//  3. `berth down`: no process of the run is left.
// The ownership pass runs through 1 and 3: strangers with BERTH_HOME=<home>
// in their environment (and one with a marker naming the home that the store
// never recorded), a symlink planted in <home>/logs, a user's file and a FIFO
// named as apps' log files; after every kill -9 cycle and after `berth down`
// each must be untouched (test/reliability/ownership-fixtures.ts).
//  4. fault passes (bench/lib/fault-passes.mjs), CHAOS_FAULT_ROUNDS (3) rounds
//     each: the manifest folder renamed, replaced by a file, unreadable
//     parts, symlink cycles; a full disk under the store (a 4 MB tmpfs, root
//     only); state.db deleted and corrupted; controllers started at once;
//     parallel applies on one fixed port. After each round: no running app
//     stopped by accident, no duplicate process, no port held twice,
//     integrity_check ok, the controller alive and answering.
// CHAOS_SEED makes a run reproducible; CHAOS_PASSES=name,... picks fault
// passes by a word of their name. Exit code 1 when any check failed.
import path from 'node:path';
import { BerthDriver } from './lib/berth-driver.mjs';
import { findFreeRange } from './lib/net.mjs';
import { killMarked } from './lib/procs.mjs';
import { sleep } from './lib/system.mjs';
import { checkInvariants, inspectStore, markedProcesses } from '../dist/test/reliability/chaos-checks.js';
import { checkOwnership, killStrangers, plantOwnership } from '../dist/test/reliability/ownership-fixtures.js';
import { checkErrorLines, fuzzCase, makeRandom } from '../dist/test/reliability/manifest-fuzz.js';
import { parseManifestText } from '../dist/src/manifest/parse-manifest-text.js';
import { faultKit } from './lib/fault-kit.mjs';
import { faultPasses } from './lib/fault-passes.mjs';

const env = process.env;
const KILLS = Number(env.CHAOS_KILLS ?? 20);
const FUZZ_CASES = Number(env.CHAOS_FUZZ_CASES ?? 1000);
const SEED = Number(env.CHAOS_SEED ?? (Date.now() % 2 ** 31));
const CONVERGE_MS = Number(env.CHAOS_CONVERGE_MS ?? 30_000);
const FAULT_ROUNDS = Number(env.CHAOS_FAULT_ROUNDS ?? 3);
const PASS_FILTER = env.CHAOS_PASSES ? env.CHAOS_PASSES.split(',') : undefined;
const HELLO_DIR = new URL('../examples/hello/', import.meta.url).pathname;
const MARKER_VAR = 'BERTH_CHAOS_RUN';
const RUN = `${process.pid}-${SEED}`;
const MARKER = `${MARKER_VAR}=${RUN}`;
const rnd = makeRandom(SEED);
const log = (line) => process.stderr.write(`[chaos] ${line}\n`);

const failures = [];
const fail = (phase, message) => {
  failures.push({ phase, message });
  log(`FAIL ${phase}: ${message}`);
};

function appManifest(name, { http, instances, gen, portRange }) {
  return [
    'apiVersion: berth/v1',
    'kind: App',
    `metadata: {name: ${name}}`,
    'spec:',
    ...(http
      ? ['  script: node', '  args: [server.js]', `  cwd: ${JSON.stringify(HELLO_DIR)}`, `  port: "auto:${portRange}"`]
      : ['  script: sleep', '  args: ["100000"]']),
    `  instances: ${instances}`,
    `  env: {${MARKER_VAR}: "${RUN}", GEN: "${gen}"}`,
    '  stopTimeout: 3s',
    '',
  ].join('\n');
}

/** Desired state as the manifest files say it: app → { http, instances, gen }. */
const desired = new Map();

function churnStep(driver, apps, portRange) {
  const [name, http] = apps[Math.floor(rnd() * apps.length)];
  const current = desired.get(name);
  const roll = rnd();
  if (current && roll < 0.15) {
    desired.delete(name);
    driver.removeManifest(`${name}.yaml`);
    return `delete ${name}`;
  }
  const next = { http, instances: current?.instances ?? 1, gen: current?.gen ?? 0 };
  if (!current || roll < 0.75) next.instances = http ? 1 + Math.floor(rnd() * 3) : Math.floor(rnd() * 5);
  else next.gen++; // spec change: instances are replaced
  desired.set(name, next);
  driver.writeManifest(`${name}.yaml`, appManifest(name, { ...next, portRange }));
  return `${current ? 'configure' : 'create'} ${name} (${next.instances}×, gen ${next.gen})`;
}

/** The ownership pass's fixtures (planted before the first controller starts). */
let ownership;
const ownershipCounts = { checks: 0, problems: 0 };

function checkOwnershipNow(phase) {
  ownershipCounts.checks++;
  const problems = checkOwnership(ownership);
  ownershipCounts.problems += problems.length;
  for (const p of problems) fail(`ownership ${phase}`, p);
  return problems.length;
}

async function waitConverged(driver, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let problems = [];
  while (Date.now() < deadline) {
    const want = new Map([...desired].map(([name, d]) => [name, d.instances]));
    for (const name of ownership.manifests.keys()) want.set(name, 0); // their log paths are not berth's: never online
    try {
      problems = checkInvariants({ processes: markedProcesses(MARKER_VAR, RUN), store: inspectStore(path.join(driver.home, 'state.db')), desired: want });
    } catch (err) {
      problems = [`cannot inspect: ${err.message}`];
    }
    if (problems.length === 0) return [];
    await sleep(250);
  }
  return problems;
}

async function killCycles(driver) {
  const range = await findFreeRange(40, { from: 23000 });
  const portRange = `${range}-${range + 39}`;
  const apps = [['s0', false], ['s1', false], ['s2', false], ['s3', false], ['s4', false], ['h0', true], ['h1', true]];
  ownership = await plantOwnership({ home: driver.home, root: path.join(driver.root, 'foreign'), runVar: MARKER_VAR, runId: RUN });
  for (const [name, text] of ownership.manifests) driver.writeManifest(`${name}.yaml`, text);
  await driver.up();
  for (let cycle = 1; cycle <= KILLS; cycle++) {
    let churning = true;
    let steps = 0;
    const churn = (async () => {
      while (churning) {
        churnStep(driver, apps, portRange);
        steps++;
        await sleep(20 + rnd() * 130);
      }
    })();
    await sleep(300 + rnd() * 2200);
    await driver.kill9();
    await sleep(rnd() * 400); // churn goes on while no controller runs
    churning = false;
    await churn;
    const t0 = Date.now();
    await driver.up();
    const problems = await waitConverged(driver, CONVERGE_MS);
    const procs = markedProcesses(MARKER_VAR, RUN).length;
    if (problems.length) for (const p of problems.slice(0, 10)) fail(`kill ${cycle}`, p);
    const touched = checkOwnershipNow(`kill ${cycle}`);
    log(`kill -9 #${cycle}: ${steps} churn steps; restarted and ${problems.length ? 'NOT converged' : 'converged'} in ${Date.now() - t0} ms; ${procs} live app processes; ${problems.length} problem(s); ownership ${touched ? `${touched} TOUCHED` : 'untouched'}`);
  }
}

async function fuzz(driver) {
  const steadyText = appManifest('steady', { http: false, instances: 1, gen: 0 });
  driver.writeManifest('steady.yaml', steadyText);
  let steadyPid;
  for (let i = 0; i < 100 && !steadyPid; i++) {
    steadyPid = (await driver.list()).find((r) => r.app === 'steady' && r.status === 'online')?.pid;
    if (!steadyPid) await sleep(100);
  }
  if (!steadyPid) return fail('fuzz', 'the steady app never came online');
  const counts = { cases: 0, rejected: 0, validMutations: 0, threw: 0, badLines: 0, acceptedInvalid: 0, slow: 0 };
  const slowest = { ms: 0, label: '' };
  const ROUND = 10;
  for (let first = 0; first < FUZZ_CASES; first += ROUND) {
    const written = [];
    for (let id = first; id < Math.min(first + ROUND, FUZZ_CASES); id++) {
      const c = fuzzCase(id, SEED);
      counts.cases++;
      const text = typeof c.text === 'string' ? c.text : c.text.toString('utf8');
      const file = `fuzz/case-${id}.yaml`;
      const t0 = performance.now();
      let result;
      try {
        result = parseManifestText(text, file);
      } catch (err) {
        counts.threw++;
        fail('fuzz parse', `case ${id} (${c.kind}: ${c.label}) threw ${err.name}: ${err.message.split('\n')[0].slice(0, 160)}`);
      }
      const ms = performance.now() - t0;
      if (ms > slowest.ms) Object.assign(slowest, { ms, label: `case ${id} (${c.kind}: ${c.label})` });
      if (ms > 5_000) counts.slow++;
      if (result) {
        if (result.errors.length === 0 && result.resources.length > 0 && !c.mustFail) {
          counts.validMutations++;
          continue; // a mutation that stayed valid would start an app: not fed to the controller
        }
        const problem = checkErrorLines(file, result.errors.map((e) => e.message));
        // a file with a valid document beside a broken one would start that app: check it, but do not feed it
        const feed = result.resources.length === 0;
        if (problem === 'no error reported') {
          counts.acceptedInvalid++;
          fail('fuzz parse', `case ${id} (${c.kind}: ${c.label}) accepted`);
        } else if (problem) {
          counts.badLines++;
          fail('fuzz parse', `case ${id} (${c.kind}: ${c.label}): ${problem}`);
        } else counts.rejected++;
        if (!feed) continue;
      }
      // every tenth case breaks the steady app's own file: it must keep running on its last good spec
      const target = id % ROUND === 3 ? 'steady.yaml' : `fuzz-${id % ROUND}.yaml`;
      driver.writeManifest(target, c.text);
      written.push(target);
    }
    await sleep(250);
    if (!driver.alive()) {
      fail('fuzz live', `controller died around cases ${first}..${first + ROUND - 1}:\n${driver.output().slice(-2000)}`);
      await driver.up();
    }
    const steadyCase = written.includes('steady.yaml') ? first + 3 : undefined;
    if (steadyCase !== undefined) {
      // SPEC: a manifest that fails to parse keeps the apps it held running on their last good spec
      const info = await driver.cli(['info', 'steady', '-o', 'json']);
      const c = fuzzCase(steadyCase, SEED);
      if (info.code !== 0 && !/not found/.test(info.stderr)) fail('fuzz live', `steady.yaml overwritten with case ${steadyCase} (${c.kind}: ${c.label}): berth info steady: ${info.stderr.trim()}`);
      else {
        const errors = JSON.parse(info.stdout).manifestErrors ?? [];
        const display = errors.find((e) => !/^[^\n]+:\d+:\d+: [^\n]+$/.test(e));
        if (display) fail('fuzz live', `berth info shows a manifest error that is not one file:line:col line: ${JSON.stringify(display.slice(0, 200))}`);
      }
    }
    for (const target of written) if (target !== 'steady.yaml') driver.removeManifest(target);
    if (steadyCase !== undefined) {
      const steady = (await driver.list()).find((r) => r.app === 'steady');
      if (steady?.pid !== steadyPid) {
        const c = fuzzCase(steadyCase, SEED);
        counts.steadyLost = (counts.steadyLost ?? 0) + 1;
        fail('fuzz live', `steady app not kept after steady.yaml was overwritten with case ${steadyCase} (${c.kind}: ${c.label}): pid ${steadyPid} → ${steady ? `${steady.pid} (${steady.status})` : 'deleted'}`);
      }
      driver.writeManifest('steady.yaml', steadyText);
      if (steady?.pid !== steadyPid) {
        // it was stopped: wait for the restored manifest to bring it back, then watch the new process
        steadyPid = undefined;
        for (let i = 0; i < 100 && !steadyPid; i++) {
          steadyPid = (await driver.list()).find((r) => r.app === 'steady' && r.status === 'online')?.pid;
          if (!steadyPid) await sleep(100);
        }
      }
    }
    if (first % 100 === 0) log(`fuzz: ${Math.min(first + ROUND, FUZZ_CASES)}/${FUZZ_CASES} cases; controller alive: ${driver.alive()}; steady pid ${steadyPid}`);
  }
  await sleep(500);
  const steady = (await driver.list()).find((r) => r.app === 'steady');
  if (steady?.pid !== steadyPid || steady?.status !== 'online') fail('fuzz live', `after fuzzing, steady is pid ${steady?.pid} (${steady?.status}), was ${steadyPid}`);
  if (driver.starts > 1) fail('fuzz live', `the controller had to be restarted ${driver.starts - 1} time(s)`);
  log(`fuzz: ${counts.cases} cases: ${counts.rejected} rejected with one-line file:line:col errors, ${counts.validMutations} mutations stayed valid (not fed), ${counts.threw} threw, ${counts.badLines} bad error lines, ${counts.acceptedInvalid} invalid accepted; slowest parse ${Math.round(slowest.ms)} ms (${slowest.label}); steady app lost ${counts.steadyLost ?? 0} time(s)`);
  return { ...counts, controllerStarts: driver.starts, slowestParseMs: Math.round(slowest.ms), slowestCase: slowest.label };
}

async function main() {
  log(`seed ${SEED} (CHAOS_SEED=${SEED} reproduces the churn and the fuzz cases); ${KILLS} kills, ${FUZZ_CASES} fuzz cases`);
  const summary = { seed: SEED, kills: KILLS, fuzzCases: FUZZ_CASES };
  const chaosDriver = new BerthDriver({ prefix: 'berth-chaos-', upArgs: ['--sweep-interval', '250ms', '--resync', '5s'] });
  try {
    if (KILLS > 0) await killCycles(chaosDriver);
    const down = await chaosDriver.down({ timeoutMs: 60_000 });
    if (down.code !== 0) fail('down', `berth down: ${down.stderr.trim()}`);
    await sleep(300);
    const left = markedProcesses(MARKER_VAR, RUN);
    if (left.length) fail('down', `${left.length} processes left after berth down: ${left.map((p) => `${p.app}/${p.instance} pid ${p.pid}`).join(', ')}`);
    summary.leftAfterDown = left.length;
    if (ownership) {
      checkOwnershipNow('after down');
      summary.ownership = { strangers: ownership.strangers.length, files: ownership.files.length, ...ownershipCounts };
    }
  } finally {
    if (ownership) killStrangers(ownership);
    await chaosDriver.cleanup({ marker: MARKER });
  }
  if (FUZZ_CASES > 0) {
    const fuzzDriver = new BerthDriver({ prefix: 'berth-fuzz-' });
    try {
      await fuzzDriver.up();
      summary.fuzz = await fuzz(fuzzDriver);
      await fuzzDriver.down();
      await sleep(300);
      const left = markedProcesses(MARKER_VAR, RUN);
      if (left.length) fail('fuzz down', `${left.length} processes left after berth down`);
    } finally {
      await fuzzDriver.cleanup({ marker: MARKER });
    }
  }
  summary.faults = await runFaultPasses();
  const byPhase = {};
  for (const f of failures) byPhase[f.phase.replace(/ \d+$/, '')] = (byPhase[f.phase.replace(/ \d+$/, '')] ?? 0) + 1;
  const rows = [
    ['kill -9 cycles', String(KILLS), failures.filter((f) => f.phase.startsWith('kill')).length === 0 ? 'ok' : `${byPhase.kill} problem(s)`],
    ['processes left after berth down', String(summary.leftAfterDown ?? '-'), summary.leftAfterDown === 0 ? 'ok' : 'FAIL'],
    ['ownership: strangers + planted/foreign files', summary.ownership ? `${summary.ownership.strangers} + ${summary.ownership.files}` : '-', ''],
    ['  checked (after each kill -9, after down)', String(summary.ownership?.checks ?? '-'), summary.ownership ? (summary.ownership.problems === 0 ? 'ok (all untouched)' : `FAIL (${summary.ownership.problems} touched)`) : ''],
    ['fuzz cases parsed', String(summary.fuzz?.cases ?? 0), byPhase['fuzz parse'] ? `${byPhase['fuzz parse']} problem(s)` : 'ok'],
    ['  rejected with one-line file:line:col', String(summary.fuzz?.rejected ?? '-'), ''],
    ['  threw instead of an error', String(summary.fuzz?.threw ?? '-'), summary.fuzz?.threw ? 'FAIL' : 'ok'],
    ['  multi-line / unpositioned errors', String(summary.fuzz?.badLines ?? '-'), summary.fuzz?.badLines ? 'FAIL' : 'ok'],
    ['  mutations that stayed valid', String(summary.fuzz?.validMutations ?? '-'), ''],
    ['  slowest parse', summary.fuzz ? `${summary.fuzz.slowestParseMs} ms` : '-', ''],
    ['fuzz into a live controller', String(summary.fuzz?.cases ?? 0), byPhase['fuzz live'] ? `${byPhase['fuzz live']} problem(s)` : 'ok (no crash, steady PID kept)'],
    ['  controller restarts needed (crashes)', String(summary.fuzz ? Math.max(0, summary.fuzz.controllerStarts - 1) : '-'), summary.fuzz?.controllerStarts > 1 ? 'FAIL' : 'ok'],
    ['  steady app lost to a broken steady.yaml', String(summary.fuzz?.steadyLost ?? 0), summary.fuzz?.steadyLost ? 'FAIL' : 'ok'],
  ];
  for (const pass of summary.faults) rows.push([`fault: ${pass.name}`, pass.skipped ? '-' : `${pass.rounds}×`, pass.skipped ? `skipped: ${pass.skipped}` : pass.problems ? `${pass.problems} problem(s)` : `ok (${Math.round(pass.ms / 1000)} s)${pass.notes.length ? `; ${pass.notes.join('; ')}` : ''}`]);
  const w = [Math.max(...rows.map((r) => r[0].length)), Math.max(...rows.map((r) => r[1].length))];
  process.stdout.write(`\nchaos seed ${SEED}\n${rows.map((r) => `${r[0].padEnd(w[0])}  ${r[1].padStart(w[1])}  ${r[2]}`).join('\n')}\n`);
  if (failures.length) {
    process.stdout.write(`\n${failures.length} failure(s):\n${failures.slice(0, 40).map((f) => `  [${f.phase}] ${f.message.split('\n')[0]}`).join('\n')}\n`);
    process.exitCode = 1;
  }
}

/** Each fault pass with its own controller and home; a pass that throws is a failure of that pass. */
async function runFaultPasses() {
  const kit = faultKit({ markerVar: MARKER_VAR, run: RUN, convergeMs: CONVERGE_MS });
  const results = [];
  for (const pass of faultPasses) {
    if (PASS_FILTER && !PASS_FILTER.some((word) => pass.name.includes(word))) continue;
    if (FAULT_ROUNDS <= 0) break;
    const skipped = pass.skip?.();
    if (skipped) {
      log(`fault pass "${pass.name}" skipped: ${skipped}`);
      results.push({ name: pass.name, skipped, problems: 0, notes: [] });
      continue;
    }
    const notes = [];
    const t0 = Date.now();
    let problems;
    try {
      problems = await pass.run(kit, FAULT_ROUNDS, (line) => notes.push(line));
    } catch (err) {
      problems = [`the pass failed: ${err.stack ?? err}`];
    }
    await killMarked(MARKER);
    for (const p of problems.slice(0, 10)) fail(`fault ${pass.name}`, p);
    log(`fault pass "${pass.name}": ${FAULT_ROUNDS} rounds, ${problems.length} problem(s) in ${Math.round((Date.now() - t0) / 1000)} s${notes.length ? `; ${notes.join('; ')}` : ''}`);
    results.push({ name: pass.name, rounds: FAULT_ROUNDS, problems: problems.length, ms: Date.now() - t0, notes });
  }
  return results;
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    void killMarked(MARKER).finally(() => process.exit(130));
  });
}
try {
  await main();
} catch (err) {
  process.stderr.write(`chaos failed: ${err.stack ?? err}\n`);
  process.exitCode = 1;
} finally {
  await killMarked(MARKER);
}
