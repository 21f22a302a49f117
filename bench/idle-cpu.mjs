// `node bench/idle-cpu.mjs [N] [SECONDS] [WINDOWS]`: the controller's idle CPU
// with N (100) instances of examples/hello all answering, measured over
// WINDOWS (3) windows of SECONDS (20) s each from its /proc stat ticks; prints
// one JSON line (median and every window). A focused part of `npm run bench`
// for comparing two builds on the same machine.
import { BerthDriver } from './lib/berth-driver.mjs';
import { findFreeRange, waitAllAnswer } from './lib/net.mjs';
import { idleCpuPercent, median, sleep } from './lib/system.mjs';
import { killMarked } from './lib/procs.mjs';
import { HELLO_DIR, MARKER, MARKER_VAR } from './lib/scenarios.mjs';

const [n = 100, seconds = 20, windows = 3] = process.argv.slice(2).map(Number);
const driver = new BerthDriver({ prefix: 'berth-idle-' });
try {
  await driver.up();
  const start = await findFreeRange(n);
  driver.writeManifest('web.yaml', [
    'apiVersion: berth/v1', 'kind: App', 'metadata: {name: web}', 'spec:', '  script: node', '  args: [server.js]',
    `  cwd: ${JSON.stringify(HELLO_DIR)}`, `  instances: ${n}`, `  port: "${start}-${start + n - 1}"`, `  env: {${MARKER_VAR}: "${MARKER.split('=')[1]}"}`, '',
  ].join('\n'));
  await waitAllAnswer(Array.from({ length: n }, (_, i) => start + i));
  await sleep(5_000); // readiness probes done, rows written
  const samples = [];
  for (let i = 0; i < windows; i++) samples.push(Math.round((await idleCpuPercent(driver.pid, seconds)) * 100) / 100);
  process.stdout.write(`${JSON.stringify({ instances: n, seconds, medianPercent: median(samples), windows: samples })}\n`);
  await driver.down();
} finally {
  await driver.cleanup({ marker: MARKER });
  await killMarked(MARKER);
}
