// The first-manifest row alone, with its second floor: the least manager
// (lib/least-manager.mjs), which does only what berth's contract requires
// between a manifest's rename and its app's fork. Alternating runs of the
// raw floor (this script spawns the app), the least manager and berth (a
// controller just up), each until the app answers. What the least manager
// takes over the raw floor no design of those steps avoids; what berth takes
// over the least manager is berth's own pipeline (work queue, store rows,
// conditions and events, the instance's actor, chokidar). `npm run bench`
// has the same three in its first-manifest row; this takes a minute.
// `npm run build && node bench/first-manifest-least.mjs [--runs N]` (default 9)
import { berthRun, floorRun, leastManagerRun } from './lib/scenarios.mjs';
import { median, sleep } from './lib/system.mjs';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args[runsAt + 1]) : 9;
const systems = { floor: () => floorRun(1), least: leastManagerRun, berth: () => berthRun(1) };
const times = Object.fromEntries(Object.keys(systems).map((name) => [name, []]));
for (let r = 0; r < runs; r++) {
  for (const [name, run] of Object.entries(systems)) {
    times[name].push((await run()).allMs);
    await sleep(200);
  }
}
const floor = median(times.floor);
for (const [name, values] of Object.entries(times)) {
  console.log(`${name.padEnd(5)} ${median(values).toFixed(1).padStart(6)} ms  ${(median(values) / floor).toFixed(2)}× the floor  (runs: ${values.map((v) => v.toFixed(0)).join(', ')})`);
}
