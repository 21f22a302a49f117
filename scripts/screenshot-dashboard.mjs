// Takes the README's picture of the dashboard: a controller with --web, a
// few demo apps (a cluster under light HTTP load, a worker whose memory
// grows, one that keeps crashing, a port claim), a minute or two of
// sparklines, then a full-page screenshot by headless chromium.
//   npm run build && node scripts/screenshot-dashboard.mjs [docs/dashboard.png]
// SCREENSHOT_WAIT_S=90 sets how long the sparklines gather points.
import { spawn, execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import http from 'node:http';
import path from 'node:path';
import { findChromium, launchChromium } from '../dist/test/helpers/browser.js';
import { freePort } from '../dist/test/helpers/free-ports.js';

const root = new URL('..', import.meta.url).pathname;
const out = path.resolve(process.argv[2] ?? path.join(root, 'docs', 'dashboard.png'));
const waitS = Number(process.env.SCREENSHOT_WAIT_S ?? 90);
const bin = path.join(root, 'dist', 'src', 'cli', 'main.js');
const work = mkdtempSync(path.join(tmpdir(), 'berth-shot-'));
const home = path.join(work, 'home');
const dir = path.join(work, 'manifests');
mkdirSync(dir, { recursive: true });
const hello = path.join(root, 'examples', 'hello');
const app = (name, spec) => `apiVersion: berth/v1\nkind: App\nmetadata: {name: ${name}}\nspec:\n${spec}\n`;
writeFileSync(path.join(dir, 'web.yaml'), app('web', `  script: node\n  args: [server.js]\n  cwd: ${hello}\n  instances: 3\n  port: "auto:5000-5100"\n  readinessProbe: {http: {path: /healthz}, interval: 2s}`));
writeFileSync(path.join(dir, 'worker.yaml'), app('worker', `  script: node\n  args: ["-e", "const kept = []; setInterval(() => { kept.push(Buffer.alloc(512 * 1024, 1)); console.log('batch', kept.length, 'done'); }, 1000)"]`));
writeFileSync(path.join(dir, 'flaky.yaml'), app('flaky', `  script: node\n  args: ["-e", "console.error('cannot reach the database'); setTimeout(() => process.exit(1), 1000)"]\n  restartBackoff: {initial: 2s, max: 20s}`));
writeFileSync(path.join(dir, 'dns.yaml'), 'apiVersion: berth/v1\nkind: PortClaim\nmetadata: {name: dns}\nspec: {tcp: 1, udp: 2}\n');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const berth = (...args) => execFileSync(process.execPath, [bin, '--home', home, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
const webPort = await freePort();
const controller = spawn(process.execPath, [bin, '--home', home, 'up', '--dir', dir, '--web', `127.0.0.1:${webPort}`], { stdio: 'ignore' });
let browser;
let done = false;
try {
  for (let i = 0; i < 100; i++) {
    try {
      if (JSON.parse(berth('list', '-o', 'json')).filter((r) => r.status === 'online').length >= 4) break;
    } catch {
      // not up yet
    }
    await sleep(200);
  }
  // Light, uneven HTTP load on the cluster so its CPU sparklines move, until the picture is taken.
  const ports = JSON.parse(berth('list', '-o', 'json')).filter((r) => r.app === 'web').map((r) => r.port);
  const load = (async () => {
    while (!done) {
      const burst = 20 + Math.round(60 * Math.abs(Math.sin(Date.now() / 9000)));
      await Promise.all(ports.flatMap((port, i) => Array.from({ length: burst * (i + 1) }, () => new Promise((r) => http.get({ host: '127.0.0.1', port, agent: false }, (res) => res.resume().on('end', r)).on('error', r)))));
      await sleep(200);
    }
  })();
  await sleep(waitS * 1000);
  const token = readFileSync(path.join(home, 'web-token'), 'utf8').trim();
  browser = await launchChromium(findChromium());
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(`http://127.0.0.1:${webPort}/?token=${token}`);
  await page.locator('#instances tr[data-instance="web/2"] .status', { hasText: 'online' }).waitFor();
  await page.locator('#instances tr[data-instance="worker/0"] button[data-action="logs"]').click();
  await page.locator('#log-lines div').first().waitFor();
  await sleep(1500);
  await page.screenshot({ path: out, fullPage: true });
  process.stdout.write(`wrote ${out}\n`);
  done = true;
  await load;
} finally {
  done = true;
  await browser?.close();
  // Asynchronously: `down` waits for the controller to vanish, and only a free event loop here reaps it.
  const exited = new Promise((resolve) => controller.once('exit', resolve));
  await new Promise((resolve) => execFile(process.execPath, [bin, '--home', home, 'down'], resolve));
  await Promise.race([exited, sleep(10_000)]);
  if (controller.exitCode === null) controller.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
}
