// One or more `delete -f` runs of the bench's scenario (a file of N PortClaims),
// each reporting wall time, the CLI's CPU time and the controller's CPU time
// during the delete; with --profile, both processes run under --cpu-prof and
// the controller's profile is cut to the delete's window before it is summarised.
// Usage: node bench/delete-profile.mjs [--docs 500] [--runs 3] [--profile DIR]
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BIN } from './lib/berth-driver.mjs';
import { appliedClaims, assertNoClaimsLeft } from './lib/delete-scenario.mjs';
import { clkTck, cpuTicks, median } from './lib/system.mjs';
import { summariseProfile } from './lib/profile-summary.mjs';

const { values } = parseArgs({ options: { docs: { type: 'string', default: '500' }, runs: { type: 'string', default: '3' }, profile: { type: 'string' } } });
const docs = Number(values.docs);
const profileDir = values.profile ? path.resolve(values.profile) : undefined;
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

/** Runs the CLI under /usr/bin/time: wall ms and user+sys CPU ms of the CLI process. */
function timedCli(driver, args, nodeArgs) {
  const t0 = performance.now();
  return new Promise((resolve) => {
    execFile('/usr/bin/time', ['-f', 'CPU %U %S', process.execPath, ...nodeArgs, BIN, '--home', driver.home, ...args], { cwd: driver.root, maxBuffer: 64 * 2 ** 20 }, (err, stdout, stderr) => {
      const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(stderr);
      resolve({ code: err ? 1 : 0, stderr, ms: performance.now() - t0, cpuMs: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN });
    });
  });
}

/** Keeps only the samples of a .cpuprofile taken between from and to (µs, the monotonic clock V8 stamps with). */
function cutProfile(file, fromUs, toUs) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const samples = [];
  const deltas = [];
  let t = profile.startTime;
  let last = fromUs;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (t < fromUs || t > toUs) continue;
    samples.push(profile.samples[i]);
    deltas.push(t - last);
    last = t;
  }
  writeFileSync(file, JSON.stringify({ ...profile, startTime: fromUs, endTime: toUs, samples, timeDeltas: deltas }));
}

function print(title, file) {
  const s = summariseProfile(file, 25);
  console.log(`== ${title}: sampled ${s.totalMs} ms`);
  console.log('-- inclusive'); for (const r of s.inclusive) console.log(`${String(r.ms).padStart(7)} ms ${String(r.pct).padStart(5)}%  ${r.what}`);
  console.log('-- self'); for (const r of s.byFunction) console.log(`${String(r.ms).padStart(7)} ms ${String(r.pct).padStart(5)}%  ${r.what}`);
}

async function run(index) {
  const controllerProf = profileDir && path.join(profileDir, `controller-${index}`);
  const cliProf = profileDir && path.join(profileDir, `cli-${index}`);
  for (const dir of [controllerProf, cliProf]) if (dir) mkdirSync(dir, { recursive: true });
  const profArgs = (dir) => (dir ? ['--cpu-prof', `--cpu-prof-dir=${dir}`] : []);
  const { driver, file, applyMs } = await appliedClaims(docs, { nodeArgs: profArgs(controllerProf) });
  try {
    const ticks0 = cpuTicks(driver.pid);
    const from = nowUs();
    const deleted = await timedCli(driver, ['delete', '-f', file], profArgs(cliProf));
    const to = nowUs();
    const controllerCpuMs = ((cpuTicks(driver.pid) - ticks0) * 1000) / clkTck();
    if (deleted.code !== 0) throw new Error(`delete failed: ${deleted.stderr}`);
    await assertNoClaimsLeft(driver);
    await driver.down();
    const result = { wallMs: Math.round(deleted.ms), cliCpuMs: Math.round(deleted.cpuMs), controllerCpuMs: Math.round(controllerCpuMs), applyMs: Math.round(applyMs) };
    console.log(`run ${index + 1}: ${JSON.stringify(result)}`);
    if (profileDir) {
      const c = readdirSync(controllerProf).find((f) => f.endsWith('.cpuprofile'));
      if (c) {
        cutProfile(path.join(controllerProf, c), from, to);
        print(`controller during the delete (run ${index + 1})`, path.join(controllerProf, c));
      }
      const l = readdirSync(cliProf).find((f) => f.endsWith('.cpuprofile'));
      if (l) print(`CLI (run ${index + 1})`, path.join(cliProf, l));
    }
    return result;
  } finally {
    await driver.cleanup();
  }
}

if (profileDir) rmSync(profileDir, { recursive: true, force: true });
const results = [];
for (let i = 0; i < Number(values.runs); i++) results.push(await run(i));
const med = (key) => Math.round(median(results.map((r) => r[key])));
console.log(`median of ${results.length}: wall ${med('wallMs')} ms, CLI CPU ${med('cliCpuMs')} ms, controller CPU ${med('controllerCpuMs')} ms (apply ${med('applyMs')} ms)`);
