// `berth up --web` end to end with a real controller and real apps: the
// token, /metrics, the live feed, actions, `berth dashboard`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { BerthHarness, type InstanceRow } from '../helpers/berth-harness.js';
import { freePort, holdPort } from '../helpers/free-ports.js';
import { onlineOf, startWebApp } from '../helpers/web-harness.js';
import { SseReader, webRequest } from '../helpers/web-client.js';
import { parseExposition } from '../helpers/parse-exposition.js';
import { hasPromtool, promtoolCheckMetrics, PROMTOOL_MISSING } from '../helpers/promtool.js';

const online = onlineOf;

test('token, metrics, live feed, actions and `berth dashboard` against a real controller', async (t) => {
  const { berth, webPort, base, rows: first, token } = await startWebApp(t);
  assert.equal((await stat(path.join(berth.home, 'web-token'))).mode & 0o777, 0o600);
  const dashboard = await berth.cli(['dashboard']);
  assert.equal(dashboard.code, 0, dashboard.stderr);
  assert.equal(dashboard.stdout, `http://127.0.0.1:${webPort}/?token=${token}\n`);
  const bearer = { authorization: `Bearer ${token}` };

  await t.test('open: /healthz and /metrics (promtool-clean, SPEC names with live values)', async (t) => {
    const health = await webRequest(webPort, '/healthz');
    assert.equal(health.status, 200);
    assert.equal(typeof (JSON.parse(health.body) as { pid: number }).pid, 'number');
    const metrics = await webRequest(webPort, '/metrics');
    assert.equal(metrics.status, 200);
    assert.match(metrics.headers['content-type'] ?? '', /^text\/plain; version=0\.0\.4/);
    const families = parseExposition(metrics.body);
    const samples = [...families.values()].flatMap((f) => f.samples);
    const value = (name: string, labels: Record<string, string>) => samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
    assert.equal(value('berth_instance_up', { app: 'web', instance: '1' }), 1);
    assert.equal(value('berth_app_instances_desired', { app: 'web' }), 2);
    assert.equal(value('berth_app_instances_ready', { app: 'web' }), 2);
    assert.equal(value('berth_port_allocations', { protocol: 'tcp' }), 2);
    assert.equal(value('berth_manifest_errors', {}), 0);
    assert.ok(value('berth_instance_cpu_seconds_total', { app: 'web', instance: '0' })! > 0, 'a node process has used some CPU');
    assert.ok(value('berth_instance_memory_bytes', { app: 'web', instance: '0' })! > 1_000_000);
    const started = value('berth_instance_start_time_seconds', { app: 'web', instance: '0' })!;
    assert.ok(Math.abs(started - Date.now() / 1000) < 600, `start time ${started} is recent`);
    assert.ok(value('berth_reconcile_duration_seconds_count', {})! >= 1, 'the reconcile that started web was timed');
    if (!hasPromtool()) return t.skip(PROMTOOL_MISSING);
    const lint = promtoolCheckMetrics(metrics.body);
    assert.deepEqual([lint.code, lint.output], [0, '']);
  });

  await t.test('everything else needs the token: 401 without, bearer, ?token= sets the cookie', async () => {
    for (const [method, route] of [['GET', '/'], ['GET', '/dashboard.js'], ['GET', '/api/state'], ['GET', '/api/stream'], ['GET', '/api/logs/web/0'], ['POST', '/api/apps/web/stop']] as const) {
      const res = await webRequest(webPort, route, { method, headers: { 'content-type': 'application/json', authorization: 'Bearer wrong' } });
      assert.equal(res.status, 401, `${method} ${route}`);
      assert.equal(res.headers['www-authenticate'], 'Bearer realm="berth"');
    }
    assert.equal((await webRequest(webPort, '/api/state', { headers: bearer })).status, 200);
    const login = await webRequest(webPort, `/?token=${token}`);
    assert.equal(login.status, 303);
    assert.equal(login.headers.location, '/', 'the token leaves the address bar');
    const cookie = String(login.headers['set-cookie']![0]).split(';')[0]!;
    const page = await webRequest(webPort, '/', { headers: { cookie } });
    assert.equal(page.status, 200);
    assert.match(page.body, /<script type="module" src="\/dashboard.js">/);
    assert.match(String(page.headers['content-security-policy']), /default-src 'none'/);
  });

  await t.test('the live feed: a snapshot, then the crash of an instance without asking again', async (t) => {
    const feed = await SseReader.open(webPort, '/api/stream', bearer);
    t.after(() => feed.close());
    assert.equal(feed.status, 200);
    const snapshot = JSON.parse((await feed.next((m) => m.event === 'snapshot', 'snapshot')).data) as { instances: InstanceRow[]; apps: { name: string; ready: number; desired: number }[]; history: Record<string, unknown> };
    assert.deepEqual(snapshot.instances.map((i) => i.status), ['online', 'online']);
    assert.deepEqual(snapshot.apps.map((a) => [a.name, a.ready, a.desired]), [['web', 2, 2]]);
    // A second browser, a tick later, gets the sparklines' history in its snapshot.
    await feed.next((m) => m.event === 'frame', 'a frame');
    const second = await SseReader.open(webPort, '/api/stream', bearer);
    t.after(() => second.close());
    const later = JSON.parse((await second.next((m) => m.event === 'snapshot', 'second snapshot')).data) as { history: Record<string, { cpu: unknown[]; memory: unknown[] }> };
    assert.ok(later.history['web/0']!.memory.length >= 1, 'sparkline history');
    const victim = first.find((r) => r.app === 'web' && r.instance === 1)!.pid!;
    process.kill(victim, 'SIGKILL');
    await feed.next((m) => {
      const instances = (JSON.parse(m.data) as { instances?: InstanceRow[] }).instances;
      const row = instances?.find((i) => i.instance === 1);
      return m.event === 'frame' && row !== undefined && row.pid !== victim && row.restarts >= 1;
    }, 'web/1 restarted in a frame');
  });

  await t.test('actions: POST JSON only, same origin only; restart changes the PIDs; scale edits the manifest', async () => {
    const post = (route: string, body: unknown, headers: Record<string, string> = {}) => webRequest(webPort, route, { method: 'POST', headers: { ...bearer, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    assert.equal((await webRequest(webPort, '/api/apps/web/restart', { method: 'POST', headers: { ...bearer, 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' })).status, 415);
    assert.equal((await post('/api/apps/web/restart', {}, { origin: 'http://evil.example' })).status, 403);
    const missing = await post('/api/apps/nope/restart', {});
    assert.equal(missing.status, 404);
    assert.equal((JSON.parse(missing.body) as { error: { message: string } }).error.message, 'app "nope" not found');

    const before = online(await berth.instances(), 'web').map((r) => r.pid);
    const restarted = await post('/api/apps/web/restart', {});
    assert.equal(restarted.status, 200, restarted.body);
    assert.deepEqual(JSON.parse(restarted.body), { message: 'app/web restarted' });
    await berth.waitFor((rows) => online(rows, 'web').length === 2 && online(rows, 'web').every((r) => !before.includes(r.pid)), 'new PIDs after restart');

    const bad = await post('/api/apps/web/scale', { instances: 'three' });
    assert.equal(bad.status, 400);
    assert.equal((JSON.parse(bad.body) as { error: { message: string } }).error.message, 'scale takes N, +N or -N (decimal integers), got "three"');
    const scaled = await post('/api/apps/web/scale', { instances: 3 });
    assert.deepEqual([scaled.status, JSON.parse(scaled.body)], [200, { message: 'app/web scaled to 3 (was 2)' }]);
    assert.match(await readFile(path.join(berth.dir, 'web.yaml'), 'utf8'), /instances: 3/);
    await berth.waitFor((rows) => online(rows, 'web').length === 3, 'web scaled to 3');
  });

  await t.test('the log tail of an instance', async (t) => {
    const logs = await SseReader.open(webPort, '/api/logs/web/2?lines=50', bearer);
    t.after(() => logs.close());
    const line = JSON.parse((await logs.next((m) => m.event === 'line', 'a log line')).data) as { stream: string; line: string };
    assert.deepEqual(line, { stream: 'out', line: `listening on ${base + 2}` });
  });
});

test('a non-loopback --web warns; a taken port fails `up` with one line; no --web, no dashboard', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const held = await holdPort(await freePort());
  t.after(() => new Promise((r) => held.close(r)));
  const heldPort = (held.address() as { port: number }).port;
  const refused = await berth.cli(['up', '--dir', berth.dir, '--web', `0.0.0.0:${heldPort}`]);
  assert.deepEqual([refused.code, refused.stderr.trim().split('\n').at(-1)], [1, `Error: --web 0.0.0.0:${heldPort}: the port is already in use`]);

  await berth.up();
  const dashboard = await berth.cli(['dashboard']);
  assert.equal(dashboard.code, 1);
  assert.equal(dashboard.stderr.trim(), `Error: the controller for ${berth.home} does not serve the dashboard; start it with \`berth up --web [HOST:]PORT\``);
  const controller = berth.controller!;
  const exited = controller.exitCode === null ? new Promise((r) => controller.once('exit', r)) : Promise.resolve();
  await berth.cli(['down']);
  await exited;

  const webPort = await freePort();
  await berth.up(['--web', `0.0.0.0:${webPort}`]);
  assert.match(berth.controllerOutput, new RegExp(`warn +the dashboard listens on 0\\.0\\.0\\.0:${webPort}, reachable from other hosts`));
  const again = await berth.cli(['dashboard']);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, new RegExp(`^http://127\\.0\\.0\\.1:${webPort}/\\?token=[\\w-]{32}\\n$`));
});
