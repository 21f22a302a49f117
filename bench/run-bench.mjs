// `npm run bench`: berth side by side with the raw floor (the same processes
// spawned by a plain Node loop) and PM2, on the same small HTTP app; then
// port auto-assignment and berth at scale. Prints a table, writes
// bench/results/latest.json and bench/RESULTS.md. Runs everything one after
// the other (the numbers are wall-clock times on a shared machine).
//
// Environment knobs:
//   BENCH_NS=1,20,100       instance counts for the all-listening runs
//   BENCH_REPEAT=5          runs per (system, N); the median is reported
//   BENCH_REPEAT_ONE=9      runs per system at N=1 (the first manifest: ~50-80 ms, where a few ms of jitter move the ratio)
//   BENCH_IDLE_SECONDS=30   idle CPU window at the largest N
//   BENCH_SCALE_N=1000      N `sleep` processes: berth beside the floor and PM2; BENCH_SKIP_SCALE=1 skips it
//   BENCH_SCALE_ROUNDS=5    rounds of the scale runs (median)
//   BENCH_DELETE_DOCS=500   `delete -f` of a file with that many documents (3 runs); BENCH_SKIP_DELETE=1 skips it
//   BENCH_SKIP_PM2=1        no PM2 column
//   BENCH_PROFILE=1         one extra berth run at the largest N with --cpu-prof on the controller; summary printed
//   BENCH_SKIP_RELOAD=1     no reload-under-load section (4 instances on one port: berth's socket vs PM2 cluster)
//   BENCH_ONLY=reload       only the reload section, merged into the existing results/latest.json
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { appStartTime, berthRun, floorRun, leastManagerRun, pm2Run, MARKER } from './lib/scenarios.mjs';
import { scaleBench } from './scale-bench.mjs';
import { deleteManyRun } from './lib/delete-scenario.mjs';
import { killMarked } from './lib/procs.mjs';
import { livePm2 } from './lib/pm2-driver.mjs';
import { machineInfo, median } from './lib/system.mjs';
import { renderReport } from './lib/report.mjs';
import { renderReloadSection } from './lib/reload-report.mjs';
import { reloadBench } from './reload-bench.mjs';

const here = new URL('.', import.meta.url).pathname;
const env = process.env;
const NS = (env.BENCH_NS ?? '1,20,100').split(',').map(Number).filter((n) => n > 0);
const REPEAT = Math.max(1, Number(env.BENCH_REPEAT ?? 5));
const REPEAT_ONE = Math.max(1, Number(env.BENCH_REPEAT_ONE ?? 9));
/** Runs per system at N instances: a one-instance run is short and noisy, and cheap to repeat. */
const repeatsFor = (n) => (n === 1 ? REPEAT_ONE : REPEAT);
const IDLE_SECONDS = Math.max(1, Number(env.BENCH_IDLE_SECONDS ?? 30));
const SCALE_N = Number(env.BENCH_SCALE_N ?? 1000);
const SKIP_SCALE = env.BENCH_SKIP_SCALE === '1';
const SCALE_ROUNDS = Math.max(1, Number(env.BENCH_SCALE_ROUNDS ?? 5));
const DELETE_DOCS = env.BENCH_SKIP_DELETE === '1' ? 0 : Number(env.BENCH_DELETE_DOCS ?? 500);
const SKIP_PM2 = env.BENCH_SKIP_PM2 === '1';
const PROFILE = env.BENCH_PROFILE === '1';
const SKIP_RELOAD = env.BENCH_SKIP_RELOAD === '1';
const ONLY_RELOAD = env.BENCH_ONLY === 'reload';
const NMAX = Math.max(...NS);

const log = (line) => process.stderr.write(`[bench] ${line}\n`);
const fmt = (ms) => (ms === null || ms === undefined ? '-' : `${Math.round(ms)} ms`);

async function main() {
  const results = { machine: machineInfo(), config: { ns: NS, repeat: REPEAT, repeatOne: REPEAT_ONE, idleSeconds: IDLE_SECONDS, scaleN: SKIP_SCALE ? null : SCALE_N, pm2: !SKIP_PM2 }, appStart: null, listening: {}, steady: {}, ports: null, scale: null, profile: null };
  log(`machine: ${results.machine.nproc} cores, ${results.machine.cpuModel}, ${results.machine.ramGiB} GiB, node ${results.machine.node}`);

  results.appStart = await appStartTime();
  log(`app's own start time (spawn → first HTTP answer, one process): ${fmt(results.appStart.medianMs)} (${results.appStart.runsMs.map(Math.round).join(', ')})`);

  for (const n of NS) {
    const runs = { floor: [], berth: [], pm2: [], least: [] };
    const repeats = repeatsFor(n);
    for (let r = 0; r < repeats; r++) {
      const last = n === NMAX && r === repeats - 1;
      // rotate the order so drift on the machine does not favour one system
      const order = [['floor', () => floorRun(n)], ['berth', () => berthRun(n, { extras: last, idleSeconds: IDLE_SECONDS, appStartMs: results.appStart.medianMs, })], ...(SKIP_PM2 ? [] : [['pm2', () => pm2Run(n, { extras: last, idleSeconds: IDLE_SECONDS, appStartMs: results.appStart.medianMs })]]), ...(n === 1 ? [['least', leastManagerRun]] : [])];
      for (let k = 0; k < r % order.length; k++) order.push(order.shift());
      for (const [name, run] of order) {
        const res = await run();
        runs[name].push(res);
        log(`N=${n} run ${r + 1}/${repeats} ${name}: all answering after ${fmt(res.allMs)}${res.idleCpuPct !== undefined ? `; idle CPU ${res.idleCpuPct.toFixed(2)}%, RSS ${(res.rssBytes / 2 ** 20).toFixed(1)} MB, list ${fmt(res.listMs)}, scale+1 ${fmt(res.scaleMs)}` : ''}`);
        if (last && res.idleCpuPct !== undefined) results.steady[name] = { n, ...res };
      }
    }
    results.listening[n] = Object.fromEntries(Object.entries(runs).filter(([, v]) => v.length).map(([k, v]) => [k, { medianMs: median(v.map((x) => x.allMs)), runsMs: v.map((x) => x.allMs) }]));
  }

  log('port auto-assignment: 1000 ports from a half-busy 20k range');
  results.ports = await portsBench();
  log(`port auto-assignment: ${fmt(results.ports.medianMs)} (${results.ports.runsMs.map(Math.round).join(', ')})`);

  if (!SKIP_SCALE) {
    log(`at scale: ${SCALE_N} \`sleep\` instances, berth beside the floor${SKIP_PM2 ? '' : ' and PM2'}, ${SCALE_ROUNDS} rounds`);
    results.scale = await scaleBench({ n: SCALE_N, rounds: SCALE_ROUNDS, pm2: !SKIP_PM2, idleSeconds: IDLE_SECONDS });
  }

  if (DELETE_DOCS > 0) {
    const runs = [];
    for (let r = 0; r < 3; r++) {
      runs.push((await deleteManyRun(DELETE_DOCS)).deleteMs);
      log(`delete -f of ${DELETE_DOCS} documents, run ${r + 1}/3: ${fmt(runs.at(-1))}`);
    }
    results.deleteMany = { count: DELETE_DOCS, medianMs: median(runs), runsMs: runs };
  }

  if (!SKIP_RELOAD) results.reload = await reloadBench({ skipPm2: SKIP_PM2 });

  if (PROFILE) {
    // a separate run: the profiler's own CPU and memory must not leak into the measured numbers
    log(`profiling: one more berth run at N=${NMAX} with --cpu-prof on the controller`);
    await berthRun(NMAX, { nodeArgs: profileArgs() });
    const { summariseProfile } = await import('./lib/profile-summary.mjs');
    const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'));
    if (file) results.profile = summariseProfile(path.join(profileDir, file), 20);
    rmSync(profileDir, { recursive: true, force: true });
  }

  writeResults(results);
}

/** Prints the table, writes results/latest.json and RESULTS.md (with bench/analysis.md). */
function writeResults(results) {
  // hand-written explanations of the numbers (profiles, causes) ride along in RESULTS.md
  const analysisFile = path.join(here, 'analysis.md');
  const report = renderReport(results, existsSync(analysisFile) ? readFileSync(analysisFile, 'utf8') : '');
  process.stdout.write(`\n${report.table}\n`);
  if (results.profile) {
    process.stdout.write(`\nberth controller profile (N=${NMAX} run, ${results.profile.totalMs} ms sampled):\n`);
    for (const r of results.profile.byFunction) process.stdout.write(`${String(r.ms).padStart(7)} ms ${String(r.pct).padStart(5)}%  ${r.what}\n`);
  }
  mkdirSync(path.join(here, 'results'), { recursive: true });
  writeFileSync(path.join(here, 'results', 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(path.join(here, 'RESULTS.md'), report.markdown);
  log('wrote bench/results/latest.json and bench/RESULTS.md');
}

const profileDir = path.join(tmpdir(), `berth-bench-prof-${process.pid}`);
function profileArgs() {
  rmSync(profileDir, { recursive: true, force: true });
  mkdirSync(profileDir, { recursive: true });
  return ['--cpu-prof', `--cpu-prof-dir=${profileDir}`];
}

function portsBench() {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(here, 'ports-auto-assign.mjs'), '--json'], { timeout: 300_000 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`ports-auto-assign failed: ${stderr || err.message}`));
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1)));
    });
  });
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    log(`${signal}: cleaning up`);
    for (const pm2 of livePm2) pm2.killDaemon();
    void killMarked(MARKER).finally(() => process.exit(130));
  });
}

// BENCH_ONLY=reload: the reload section alone, merged into the last full run's results
// (or, without one, spliced into RESULTS.md in place of its reload section)
async function reloadOnly() {
  const file = path.join(here, 'results', 'latest.json');
  const reload = { ...(await reloadBench({ skipPm2: SKIP_PM2 })), machine: machineInfo() };
  if (existsSync(file)) return writeResults({ ...JSON.parse(readFileSync(file, 'utf8')), reload });
  const section = renderReloadSection(reload);
  process.stdout.write(`\n${section.table}\n`);
  const resultsFile = path.join(here, 'RESULTS.md');
  writeFileSync(resultsFile, spliceSection(readFileSync(resultsFile, 'utf8'), section.markdown));
  mkdirSync(path.join(here, 'results'), { recursive: true });
  writeFileSync(path.join(here, 'results', 'reload.json'), `${JSON.stringify(reload, null, 2)}\n`);
  log('wrote bench/results/reload.json and the reload section of bench/RESULTS.md');
}

/** Replaces the markdown section that starts with `lines[0]` (up to the next '## '), or inserts it before '## What is measured'. */
function spliceSection(markdown, lines) {
  const all = markdown.split('\n');
  const start = all.indexOf(lines[0]);
  const end = start < 0 ? -1 : all.findIndex((line, i) => i > start && line.startsWith('## '));
  if (start >= 0) all.splice(start, (end < 0 ? all.length : end) - start, ...lines);
  else all.splice(Math.max(0, all.indexOf('## What is measured')), 0, ...lines);
  return all.join('\n');
}

// --report-only: re-render RESULTS.md from bench/results/latest.json (after editing bench/analysis.md)
async function reportOnly() {
  const results = JSON.parse(readFileSync(path.join(here, 'results', 'latest.json'), 'utf8'));
  const analysisFile = path.join(here, 'analysis.md');
  const report = renderReport(results, existsSync(analysisFile) ? readFileSync(analysisFile, 'utf8') : '');
  process.stdout.write(`${report.table}\n`);
  writeFileSync(path.join(here, 'RESULTS.md'), report.markdown);
}

try {
  if (process.argv.includes('--report-only')) await reportOnly();
  else if (ONLY_RELOAD) await reloadOnly();
  else await main();
} catch (err) {
  process.stderr.write(`bench failed: ${err.stack ?? err}\n`);
  process.exitCode = 1;
} finally {
  const left = await killMarked(MARKER);
  if (left > 0) log(`warning: ${left} benchmark processes could not be killed`);
}
