// cronRestart with a real controller and a real process: a 6-field schedule
// every 5 s restarts the app (a rolling restart: a new process), counted in
// restarts, with a CronRestart event; info shows the schedule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BerthHarness, helloApp } from '../helpers/berth-harness.js';
import { freePort } from '../helpers/free-ports.js';

test('a cron of */5 * * * * * restarts the app within 15 s, counted in restarts, with a CronRestart event', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  await berth.writeManifest('web.yaml', helloApp({ name: 'web', port: String(await freePort()), extra: '  cronRestart: "*/5 * * * * *"' }));
  const [first] = await berth.waitFor((rows) => rows.length === 1 && rows[0]!.status === 'online', 'web online');

  const [restarted] = await berth.waitFor((rows) => rows[0]?.status === 'online' && rows[0].pid !== first!.pid, 'a scheduled restart', 15_000);
  assert.ok(restarted!.restarts >= 1, `restarts counted: ${restarted!.restarts}`);
  const info = JSON.parse((await berth.cli(['info', 'web', '-o', 'json'])).stdout) as { events: { reason: string; message: string }[]; spec: { cronRestart: string; nextCronRestart: number } };
  assert.ok(info.events.some((e) => e.reason === 'CronRestart' && e.message === 'scheduled restart (cronRestart "*/5 * * * * *")'), JSON.stringify(info.events));
  assert.equal(info.spec.cronRestart, '*/5 * * * * *');
  assert.ok(info.spec.nextCronRestart > Date.now() - 1_000);
  assert.match((await berth.cli(['info', 'web'])).stdout, /^Cron restart: +\*\/5 \* \* \* \* \* +\(next /m);
});
