// The PM2 user's day, ecosystem files through the CLI: --env production
// reaches the process, ecosystem text on stdin, start ecosystem.config.js,
// start app.js -i max, apply --dry-run -o yaml, every error of a file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { allOnline, BerthHarness, HELLO_DIR } from '../helpers/berth-harness.js';
import { freePortRange } from '../helpers/free-ports.js';

const ecosystem = (port: number) => `module.exports = {
  apps: [{
    script: 'server.js',
    cwd: ${JSON.stringify(HELLO_DIR)},
    port: ${port},
    env: { NODE_ENV: 'development', GREETING: 'dev' },
    env_production: { NODE_ENV: 'production' },
  }],
};
`;

test('--env production reaches the process; stdin takes ecosystem text; start ecosystem.config.js', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const base = await freePortRange(3);
  const config = path.join(berth.root, 'ecosystem.config.js');
  await writeFile(config, ecosystem(base));

  const applied = await berth.cli(['apply', '-f', config, '--env', 'production', '--wait']);
  assert.deepEqual([applied.code, applied.stdout.trim()], [0, 'app/server created'], applied.stderr);
  const env = (await berth.cli(['env', 'server'])).stdout.split('\n');
  assert.ok(env.includes('NODE_ENV=production'), 'env_production merged over env');
  assert.ok(env.includes('GREETING=dev'), 'env kept where env_production is silent');

  const json = JSON.stringify({ apps: [{ name: 'piped', script: 'server.js', cwd: HELLO_DIR, port: base + 1 }] });
  const piped = await berth.cli(['apply', '-f', '-', '--wait'], { input: `// from a pipe\n${json}` });
  assert.deepEqual([piped.code, piped.stdout.trim()], [0, 'app/piped created'], piped.stderr);

  const other = path.join(berth.root, 'other', 'ecosystem.config.js');
  await (await import('node:fs/promises')).mkdir(path.dirname(other));
  await writeFile(other, ecosystem(base + 2).replace("script: 'server.js'", "name: 'started', script: 'server.js'"));
  const started = await berth.cli(['start', 'other/ecosystem.config.js', '--env', 'production']);
  assert.deepEqual([started.code, started.stdout.trim()], [0, 'app/started created'], started.stderr);
  await berth.waitFor(allOnline(3), 'server, piped and started online');
});

test('start app.js -i max runs one instance per CPU', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const cpus = availableParallelism();
  const base = await freePortRange(cpus);
  const started = await berth.cli(['start', path.join(HELLO_DIR, 'server.js'), '-i', 'max', '--port', `${base}-${base + cpus - 1}`, '--name', 'hello']);
  assert.equal(started.code, 0, started.stderr);
  await berth.waitFor(allOnline(cpus), `${cpus} instances online`);
  const bad = await berth.cli(['start', 'app.js', '-i', 'many']);
  assert.deepEqual([bad.code, bad.stderr.trim()], [1, 'Error: --instances must be a whole number or max, got "many"']);
});

test('apply --dry-run=client -o yaml prints the converted manifests and writes nothing; every error is listed', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const config = path.join(berth.root, 'ecosystem.json');
  await writeFile(config, '{\n  // two apps, as PM2 reads them\n  apps: [\n    {name: "web", script: "server.js", instances: 2, port: "4100-4101"},\n    {cmd: "python3 worker.py"},\n  ],\n}\n');
  const dry = await berth.cli(['apply', '-f', config, '--dry-run=client', '-o', 'yaml', '--dir', berth.dir]);
  assert.equal(dry.code, 0, dry.stderr);
  const docs = parseAllDocuments(dry.stdout).map((d) => d.toJS() as { kind: string; metadata: { name: string }; spec: { script: string; args: string[]; instances?: number } });
  assert.deepEqual(docs.map((d) => [d.kind, d.metadata.name, d.spec.script, d.spec.args, d.spec.instances]), [
    ['App', 'web', 'node', ['server.js'], 2],
    ['App', 'worker', 'python3', ['worker.py'], undefined],
  ]);
  assert.deepEqual(await readdir(berth.dir), [], 'a dry run writes nothing');
  const names = await berth.cli(['apply', '-f', config, '--dry-run', '-o', 'name', '--dir', berth.dir]);
  assert.deepEqual(names.stdout.trim().split('\n'), ['app/web', 'app/worker']);

  const broken = path.join(berth.root, 'broken.yaml');
  await writeFile(broken, 'apiVersion: berth/v1\nkind: App\nmetadata: {name: Web}\nspec:\n  script: node\n  instnces: 2\n  port: 99999\n');
  const errors = await berth.cli(['apply', '-f', broken, '--dir', berth.dir]);
  assert.equal(errors.code, 1);
  const lines = errors.stderr.trim().split('\n');
  assert.ok(lines.length >= 3, `every problem: ${errors.stderr}`);
  for (const line of lines) assert.match(line, /^Error: broken\.yaml:\d+:\d+: /);
  assert.ok(lines.some((l) => l.includes('metadata.name')) && lines.some((l) => l.includes('instnces')) && lines.some((l) => l.includes('spec.port')), errors.stderr);
  assert.deepEqual(await readdir(berth.dir), []);
  const badDryRun = await berth.cli(['apply', '-f', config, '--dry-run=maybe']);
  assert.deepEqual([badDryRun.code, badDryRun.stderr.trim()], [1, 'Error: --dry-run takes client, server or none, got "maybe"']);
});
