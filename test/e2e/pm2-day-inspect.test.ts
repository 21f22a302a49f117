// The PM2 user's day, looking: info shows what runs with secrets masked (text,
// json, yaml); env prints the real environment unmasked; list warns about
// invalid manifests, refuses unknown names, -o name, -l, and -w reprints rows;
// the default home.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { allOnline, BerthHarness, BIN, helloApp, HELLO_DIR } from '../helpers/berth-harness.js';
import { freePortRange } from '../helpers/free-ports.js';

const SECRETS = '  env: {NODE_ENV: production, API_KEY: s3cret-key, DB_PASSWORD: pw-123, GREETING: "hi there"}';

test('info shows command, cwd, restart policy, log paths and env with secrets masked; env prints it all', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const base = await freePortRange(2);
  await berth.writeManifest('web.yaml', helloApp({ name: 'web', instances: 2, port: `${base}-${base + 1}`, extra: SECRETS }));
  await berth.waitFor(allOnline(2), 'web online');

  const text = await berth.cli(['info', 'web']);
  assert.equal(text.code, 0, text.stderr);
  const logDir = path.join(berth.home, 'logs');
  for (const line of [
    'Command:      node server.js',
    `Cwd:          ${HELLO_DIR}`,
    'Restart:      Always; stop with SIGTERM, SIGKILL after 3s',
    'Env:          NODE_ENV=production',
    '              API_KEY=***',
    '              DB_PASSWORD=***',
    '              GREETING=hi there',
    `Logs:         0: ${logDir}/web-0.out.log  ${logDir}/web-0.err.log`,
    `              1: ${logDir}/web-1.out.log  ${logDir}/web-1.err.log`,
  ]) assert.ok(text.stdout.split('\n').includes(line), `info shows "${line}":\n${text.stdout}`);
  const json = await berth.cli(['info', 'web', '-o', 'json']);
  const yaml = await berth.cli(['info', 'web', '-o', 'yaml']);
  for (const out of [text.stdout, json.stdout, yaml.stdout]) assert.doesNotMatch(out, /s3cret|pw-123/);
  assert.deepEqual((JSON.parse(json.stdout) as { run: { env: Record<string, string> } }).run.env, { NODE_ENV: 'production', API_KEY: '***', DB_PASSWORD: '***', GREETING: 'hi there' });
  assert.equal((parse(yaml.stdout) as { run: { args: string[] } }).run.args[0], 'server.js');

  const env = await berth.cli(['env', 'web/1']);
  assert.equal(env.code, 0, env.stderr);
  const lines = env.stdout.trim().split('\n');
  for (const line of ['API_KEY=s3cret-key', 'DB_PASSWORD=pw-123', 'GREETING=hi there', `PORT=${base + 1}`, 'BERTH_INSTANCE_ID=1', 'NODE_APP_INSTANCE=1', 'BERTH_APP_NAME=web']) assert.ok(lines.includes(line), `env shows ${line}`);
  const envJson = JSON.parse((await berth.cli(['env', 'web', '-o', 'json'])).stdout) as Record<string, string>;
  assert.equal(envJson.PORT, String(base));

  assert.equal((await berth.cli(['stop', 'web/1'])).code, 0);
  const stopped = await berth.cli(['env', 'web/1']);
  assert.deepEqual([stopped.code, stopped.stderr.trim()], [1, 'Error: web/1 is not running (stopped); its environment exists only while it runs']);
  const unknown = await berth.cli(['env', 'nope']);
  assert.deepEqual([unknown.code, unknown.stderr.trim()], [1, 'Error: app "nope" not found']);
});

test('list: warnings for invalid manifests, unknown names, -o name, -l, -w', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const base = await freePortRange(3);
  await berth.writeManifest('web.yaml', helloApp({ name: 'web', instances: 2, port: `${base}-${base + 1}` }).replace('  name: web', '  name: web\n  labels: {tier: web}'));
  await berth.writeManifest('api.yaml', helloApp({ name: 'api', port: String(base + 2) }));
  await berth.writeManifest('broken.yaml', 'apiVersion: berth/v1\nkind: App\nmetadata: {name: broken}\nspec:\n  script: node\n  instnces: 2\n');
  await berth.waitFor(allOnline(3), 'web and api online');

  const list = await berth.cli(['list']);
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stdout, /^ID\s+Name\s+Status/);
  assert.match(list.stderr, /^Warning: invalid manifest: .*broken\.yaml:6:3: spec\.instnces: unknown field "instnces"; did you mean "instances"\?$/m);
  const json = await berth.cli(['list', '-o', 'json']);
  assert.equal((JSON.parse(json.stdout) as unknown[]).length, 3, 'warnings stay off stdout');

  const missing = await berth.cli(['list', 'nope']);
  assert.deepEqual([missing.code, missing.stderr.trim().split('\n').at(0)], [1, 'Error: app "nope" not found']);
  assert.deepEqual((await berth.cli(['list', '-o', 'name'])).stdout.trim().split('\n'), ['api/0', 'web/0', 'web/1']);
  assert.deepEqual((await berth.cli(['list', '-o', 'name', '-l', 'tier=web'])).stdout.trim().split('\n'), ['web/0', 'web/1']);
  assert.deepEqual((await berth.cli(['ls', 'web/1', '-o', 'name'])).stdout.trim(), 'web/1');

  const watch = berth.spawnCli(['list', '-w', 'web']);
  await watch.waitFor(/^1\s+web\s+online/m, 'the first table');
  assert.equal((await berth.cli(['stop', 'web/1'])).code, 0);
  await watch.waitFor(/^1\s+web\s+stopped\s+-/m, 'web/1 reprinted as stopped');
  assert.equal((await berth.cli(['scale', 'web', '1'])).code, 0);
  await watch.waitFor(/^1\s+web\s+deleted/m, 'web/1 reprinted as deleted');
  assert.equal(await watch.stop(), 0);
  assert.doesNotMatch(watch.stdout, /^0\s+web\s+\S+.*\n[\s\S]*^0\s+web/m, 'web/0 did not change, so it is printed once');
});

test('the default home is $BERTH_HOME, else ~/.berth, whatever the current folder', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const home = path.join(berth.root, 'user');
  const elsewhere = path.join(berth.root, 'some', 'project');
  mkdirSync(elsewhere, { recursive: true });
  const base = await freePortRange(1);
  const run = (env: NodeJS.ProcessEnv) => execFileSync(process.execPath, [BIN, 'ports', 'allocate', '1', 'probe', 'tcp', '--port-pool', `${base}-${base}`], { cwd: elsewhere, env: { ...process.env, HOME: home, BERTH_HOME: '', ...env }, encoding: 'utf8' });
  run({});
  assert.ok(existsSync(path.join(home, '.berth', 'state.db')), 'state in ~/.berth');
  assert.equal(existsSync(path.join(elsewhere, '.berth')), false, 'nothing in the current folder');
  run({ BERTH_HOME: berth.home });
  assert.ok(existsSync(path.join(berth.home, 'state.db')), 'state in $BERTH_HOME');
});
