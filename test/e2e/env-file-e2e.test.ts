// envFile with a real controller and real processes: the app sees the file's
// variables, an edited value rolls it (the controller watches the file: the
// resync is set to 10 minutes, so nothing else can pick the edit up), and a
// removed file is an invalid manifest that keeps the app on its last good spec.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { BerthHarness, getJson, helloApp } from '../helpers/berth-harness.js';
import { freePort } from '../helpers/free-ports.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls the app until `predicate` holds for its answer. */
async function waitForAnswer(port: number, predicate: (body: Record<string, unknown>) => boolean, what: string, timeoutMs = 30_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const body = await getJson(port);
      if (predicate(body)) return body;
      last = body;
    } catch (err) {
      last = err;
    }
    await sleep(150);
  }
  throw new Error(`timed out waiting for ${what}; last answer: ${JSON.stringify(last)}`);
}

test('the app sees its env file; editing a value rolls it; a removed file keeps it on its last good spec', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up(['--resync', '10m']);
  const port = await freePort();
  const envFile = path.join(berth.dir, 'web.env');
  await writeFile(envFile, '# greeting of the home page\nexport GREETING="hello from the file"\nPORT=1\n');
  await berth.writeManifest('web.yaml', helloApp({ name: 'web', port: String(port), extra: '  envFile: web.env' }));

  const first = await waitForAnswer(port, (b) => b.greeting === 'hello from the file', 'the greeting from the env file');
  assert.equal(first.port, port, 'the injected PORT wins over the file');

  await writeFile(envFile, 'GREETING=bonjour\n');
  const second = await waitForAnswer(port, (b) => b.greeting === 'bonjour', 'the edited greeting');
  assert.notEqual(second.pid, first.pid, 'a new process runs the new environment');

  await rm(envFile);
  const deadline = Date.now() + 15_000;
  let errors: string[] = [];
  while (Date.now() < deadline && errors.length === 0) {
    errors = (JSON.parse((await berth.cli(['info', 'web', '-o', 'json'])).stdout) as { manifestErrors: string[] }).manifestErrors;
    if (errors.length === 0) await sleep(150);
  }
  assert.match(errors[0] ?? '', /web\.yaml:\d+:\d+: spec\.envFile: cannot read .*web\.env: ENOENT$/);
  const still = await getJson(port);
  assert.equal(still.pid, second.pid, 'still running on its last good spec');
  assert.equal(still.greeting, 'bonjour');
});

test('apply anchors a relative envFile to the applied file and refuses a missing one, writing nothing', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const project = path.join(berth.root, 'project');
  const { mkdir, readdir, readFile } = await import('node:fs/promises');
  await mkdir(project);
  const manifest = path.join(project, 'web.yaml');
  await writeFile(manifest, helloApp({ name: 'web', extra: '  envFile: [./app.env]' }));

  const refused = await berth.cli(['apply', '-f', manifest, '--dir', berth.dir]);
  assert.equal(refused.code, 1);
  assert.equal(refused.stderr.trim(), `Error: project/web.yaml:11:13: spec.envFile[0]: cannot read ${path.join(project, 'app.env')}: ENOENT`);
  assert.deepEqual(await readdir(berth.dir), []);

  await writeFile(path.join(project, 'app.env'), 'GREETING=hi\n');
  const applied = await berth.cli(['apply', '-f', manifest, '--dir', berth.dir]);
  assert.equal(applied.code, 0, applied.stderr);
  const written = parse(await readFile(path.join(berth.dir, 'web.yaml'), 'utf8')) as { spec: { envFile: string[] } };
  assert.deepEqual(written.spec.envFile, [path.join(project, 'app.env')]);
});
