// A manifest dropped into a folder that already holds K others (PortClaims,
// so nothing else runs): the time from the rename until its one instance
// answers, berth only (the floor is the first-manifest row's: a spawn does not
// depend on a folder). Shows what a change costs as the folder grows.
// `npm run build && node bench/first-manifest-in-big-folder.mjs [K...] [--runs N]`
// (default K = 0 200 500, 5 runs each, medians).
import { BerthDriver } from './lib/berth-driver.mjs';
import { berthManifest } from './lib/scenarios.mjs';
import { findFreeRange, waitAllAnswer } from './lib/net.mjs';
import { median, sleep } from './lib/system.mjs';

const args = process.argv.slice(2);
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 5;
const sizes = args.length > 0 ? args.map(Number) : [0, 200, 500];
const claim = (i) => `apiVersion: berth/v1\nkind: PortClaim\nmetadata: {name: claim-${i}}\nspec: {tcp: 1}\n`;

for (const k of sizes) {
  const times = [];
  for (let r = 0; r < runs; r++) {
    const d = new BerthDriver({});
    try {
      for (let i = 0; i < k; i++) d.writeManifest(`claim-${i}.yaml`, claim(i));
      await d.up();
      await sleep(800 + k * 10); // the claims reconciled, the controller idle
      const start = await findFreeRange(6);
      const t0 = performance.now();
      d.writeManifest('web.yaml', berthManifest({ n: 1, start, extraPorts: 5 }));
      times.push(await waitAllAnswer([start], { t0, pollMs: 5 }));
      await d.down();
    } finally {
      await d.cleanup({});
    }
  }
  console.log(`${String(k).padStart(4)} other files: answering after ${median(times).toFixed(0)} ms (median of ${runs}: ${times.map((t) => t.toFixed(0)).join(', ')})`);
}
