// `npm run bench:web`: what the dashboard costs the controller at 100
// instances. Each round runs the same 100 instances of examples/hello under
// a controller without --web, then under one with --web: first with no
// browser, then with one headless chromium showing the dashboard (live
// feed, sparklines). Reports the controller's idle CPU (% of one core) and
// RSS in each state; medians over the rounds. Writes
// bench/results/dashboard.json.
//
//   BENCH_N=100  BENCH_ROUNDS=2  BENCH_IDLE_SECONDS=30
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BerthDriver } from './lib/berth-driver.mjs';
import { berthManifest, MARKER } from './lib/scenarios.mjs';
import { findFreeRange, waitAllAnswer } from './lib/net.mjs';
import { killMarked } from './lib/procs.mjs';
import { idleCpuPercent, machineInfo, median, rssBytes, sleep } from './lib/system.mjs';
import { findChromium, launchChromium } from '../dist/test/helpers/browser.js';

const here = new URL('.', import.meta.url).pathname;
const N = Number(process.env.BENCH_N ?? 100);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 2));
const IDLE_SECONDS = Math.max(5, Number(process.env.BENCH_IDLE_SECONDS ?? 30));
const log = (line) => process.stderr.write(`[bench:web] ${line}\n`);

/** A controller with N instances all answering; `measure` runs while they idle. */
async function withController(upArgs, measure) {
  const driver = new BerthDriver({ prefix: 'berth-bench-web-', upArgs });
  try {
    await driver.up();
    const start = await findFreeRange(N + 1);
    const ports = Array.from({ length: N }, (_, i) => start + i);
    driver.writeManifest('web.yaml', berthManifest({ n: N, start }));
    await waitAllAnswer(ports, { t0: performance.now() });
    // Readiness probes, first samples and GC of the start-up settle first.
    await sleep(5_000);
    return await measure(driver);
  } finally {
    await driver.cleanup({ marker: MARKER });
  }
}

async function idle(pid) {
  const cpuPct = await idleCpuPercent(pid, IDLE_SECONDS);
  return { cpuPct, rssBytes: rssBytes(pid) };
}

async function main() {
  const chromium = findChromium();
  if (!chromium) throw new Error('no chromium found (apt-get install chromium, or set BERTH_CHROMIUM)');
  const rounds = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const off = await withController([], (driver) => idle(driver.pid));
    log(`round ${round}: --web off: ${off.cpuPct.toFixed(2)} % CPU, ${(off.rssBytes / 2 ** 20).toFixed(1)} MB`);
    const webPort = await findFreeRange(1, { from: 40000 });
    const on = await withController(['--web', `127.0.0.1:${webPort}`], async (driver) => {
      const noBrowser = await idle(driver.pid);
      log(`round ${round}: --web on, no browser: ${noBrowser.cpuPct.toFixed(2)} % CPU`);
      const token = (await import('node:fs')).readFileSync(path.join(driver.home, 'web-token'), 'utf8').trim();
      const browser = await launchChromium(chromium);
      try {
        const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
        await page.goto(`http://127.0.0.1:${webPort}/?token=${token}`);
        await page.locator(`#instances tr[data-instance="web/${N - 1}"] .status`, { hasText: 'online' }).waitFor({ timeout: 60_000 });
        await sleep(3_000);
        const withBrowser = await idle(driver.pid);
        log(`round ${round}: --web on, one browser: ${withBrowser.cpuPct.toFixed(2)} % CPU`);
        return { noBrowser, withBrowser };
      } finally {
        await browser.close();
      }
    });
    rounds.push({ off, ...on });
  }
  const pick = (state, key) => median(rounds.map((r) => r[state][key]));
  const summary = {
    machine: machineInfo(),
    config: { n: N, rounds: ROUNDS, idleSeconds: IDLE_SECONDS },
    rounds,
    median: {
      offCpuPct: pick('off', 'cpuPct'),
      webNoBrowserCpuPct: pick('noBrowser', 'cpuPct'),
      webBrowserCpuPct: pick('withBrowser', 'cpuPct'),
      offRssBytes: pick('off', 'rssBytes'),
      webBrowserRssBytes: pick('withBrowser', 'rssBytes'),
    },
  };
  const m = summary.median;
  summary.addedCpuPct = m.webBrowserCpuPct - m.offCpuPct;
  summary.met = summary.addedCpuPct < 0.5;
  const pct = (v) => `${v.toFixed(2)} %`;
  process.stdout.write([
    `controller idle CPU at ${N} instances (% of one core, ${IDLE_SECONDS} s windows, median of ${ROUNDS}):`,
    `  --web off                ${pct(m.offCpuPct)}   RSS ${(m.offRssBytes / 2 ** 20).toFixed(1)} MB`,
    `  --web on, no browser     ${pct(m.webNoBrowserCpuPct)}`,
    `  --web on, one browser    ${pct(m.webBrowserCpuPct)}   RSS ${(m.webBrowserRssBytes / 2 ** 20).toFixed(1)} MB`,
    `  added by the dashboard   ${pct(summary.addedCpuPct)}   (target < 0.5 %: ${summary.met ? 'met' : 'MISSED'})`,
    '',
  ].join('\n'));
  mkdirSync(path.join(here, 'results'), { recursive: true });
  writeFileSync(path.join(here, 'results', 'dashboard.json'), `${JSON.stringify(summary, null, 2)}\n`);
}

try {
  await main();
} catch (err) {
  process.stderr.write(`bench:web failed: ${err.stack ?? err}\n`);
  process.exitCode = 1;
} finally {
  await killMarked(MARKER);
}
