// The dashboard in a real browser (chromium, headless) against a real
// controller: the page loads with the token, shows the app's rows, follows
// a crash without a reload, restarts on a click, scales, tails logs, and a
// browser without the token gets 401. BERTH_SCREENSHOT=FILE saves a picture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { startWebApp } from '../helpers/web-harness.js';
import { CHROMIUM_MISSING, findChromium, launchChromium } from '../helpers/browser.js';

/** Text of a PID cell holding a number other than `pid` (not "-"). */
const otherPid = (pid: number) => new RegExp(`^(?!${pid}$)\\d+$`);

test('the dashboard in chromium: rows, live crash, restart button, scale, logs, 401 without the token', async (t) => {
  const executable = findChromium();
  if (!executable) return t.skip(CHROMIUM_MISSING);
  const { berth, webPort, base, rows, token } = await startWebApp(t);

  const browser = await launchChromium(executable);
  t.after(() => browser.close());
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(err.message));
  const response = await page.goto(`http://127.0.0.1:${webPort}/?token=${token}`);
  assert.equal(response?.status(), 200);
  assert.equal(new URL(page.url()).search, '', 'the token left the address bar');

  const row = (key: string) => page.locator(`#instances tr[data-instance="${key}"]`);
  await row('web/0').locator('.status', { hasText: 'online' }).waitFor();
  await row('web/1').locator('.status', { hasText: 'online' }).waitFor();
  assert.equal(await row('web/1').locator('.pid').textContent(), String(rows.find((r) => r.instance === 1)!.pid));
  await page.locator('#apps tr[data-app="web"] .ready', { hasText: '2/2' }).waitFor();
  await page.locator('#connection', { hasText: 'live' }).waitFor();

  // A marker that a reload would wipe: every change below must arrive live.
  await page.evaluate('window.berthTestMarker = 1');

  // Kill an instance behind berth's back: its row shows a new PID and a restart.
  const victim = rows.find((r) => r.instance === 1)!.pid!;
  process.kill(victim, 'SIGKILL');
  await row('web/1').locator('.restarts', { hasText: /^1$/ }).waitFor({ timeout: 30_000 });
  await row('web/1').locator('.pid', { hasText: otherPid(victim) }).waitFor({ timeout: 30_000 });

  // Click restart: web/0's PID changes.
  const before = Number(await row('web/0').locator('.pid').textContent());
  await page.locator('#apps tr[data-app="web"] button[data-action="restart"]').click();
  await page.locator('#notice', { hasText: 'app/web restarted' }).waitFor({ timeout: 60_000 });
  await row('web/0').locator('.pid', { hasText: otherPid(before) }).waitFor({ timeout: 30_000 });
  await row('web/0').locator('.status', { hasText: 'online' }).waitFor();

  // Scale to 3 from the page: the manifest changes, the third row appears.
  await page.locator('#apps tr[data-app="web"] input.scale').fill('3');
  await page.locator('#apps tr[data-app="web"] button[data-action="scale"]').click();
  await row('web/2').locator('.status', { hasText: 'online' }).waitFor({ timeout: 30_000 });
  assert.match(await readFile(path.join(berth.dir, 'web.yaml'), 'utf8'), /instances: 3/);

  // The log tail of an instance.
  await row('web/2').locator('button[data-action="logs"]').click();
  await page.locator('#log-lines', { hasText: `listening on ${base + 2}` }).waitFor();
  // Events and conditions of the app.
  await page.locator('#events li', { hasText: 'Crashed' }).first().waitFor();
  await page.locator('#conditions tr[data-key="web/Ready"]').waitFor();

  assert.equal(await page.evaluate('window.berthTestMarker'), 1, 'the page was never reloaded');
  assert.deepEqual(pageErrors, []);
  if (process.env.BERTH_SCREENSHOT) {
    // Let the sparklines gather a few points, then picture the page for the README.
    await page.waitForTimeout(Number(process.env.BERTH_SCREENSHOT_WAIT_MS ?? 0));
    await page.screenshot({ path: process.env.BERTH_SCREENSHOT, fullPage: true });
  }

  // A browser without the cookie or token is turned away.
  const stranger = await browser.newContext();
  t.after(() => stranger.close());
  const denied = await (await stranger.newPage()).goto(`http://127.0.0.1:${webPort}/`);
  assert.equal(denied?.status(), 401);
  assert.match((await denied!.text()), /^401 Unauthorized: a token is required/);
});
