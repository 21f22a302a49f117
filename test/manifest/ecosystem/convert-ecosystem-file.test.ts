import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertEcosystemFile, convertEcosystemText } from '../../../src/manifest/ecosystem/index.js';
import { ManifestError } from '../../../src/errors.js';
import { assertValidManifests } from './assert-valid-manifests.js';

// dist/test/manifest/ecosystem → test/fixtures/ecosystem in the source tree
const fixtures = fileURLToPath(new URL('../../../../test/fixtures/ecosystem/', import.meta.url));
const options = { cpus: 4 };

async function tempDir(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'berth-ecosystem-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof ManifestError, `not a ManifestError: ${String(err)}`);
    assert.doesNotMatch(err.message, /\n/);
    return err.message;
  }
  return assert.fail('expected a ManifestError');
}

test("PMDaemon's example ecosystem.json: instances 4, port 3000-3003 and env PORT all kept", async () => {
  const file = path.join(fixtures, 'pmdaemon-example.json');
  const { manifests, warnings } = await convertEcosystemFile(file, options);
  assert.deepEqual(warnings, []);
  assert.deepEqual(manifests.map((m) => m.metadata.name), ['web-server', 'api-service', 'static-server']);
  assert.deepEqual(manifests[0], {
    apiVersion: 'berth/v1',
    kind: 'App',
    metadata: { name: 'web-server' },
    spec: {
      script: 'node',
      args: ['server.js'],
      cwd: fixtures.replace(/\/$/, ''),
      env: { NODE_ENV: 'production', PORT: '3000' },
      instances: 4,
      port: '3000-3003',
      maxRestarts: 16,
      minUptime: 1000,
      stopTimeout: 1600,
      maxMemory: '512M',
    },
  });
  const [web, api, statik] = assertValidManifests(manifests);
  assert.equal(web!.spec.instances, 4);
  assert.equal(web!.spec.port, '3000-3003');
  assert.equal(web!.spec.env.PORT, '3000');
  assert.equal(web!.spec.maxMemoryBytes, 512 * 1024 * 1024);
  assert.deepEqual(api!.metadata.labels, { namespace: 'api' });
  assert.equal(api!.spec.port, 'auto:8000-8100');
  assert.equal(statik!.spec.cwd, '/var/www/html');
});

test('YAML without apiVersion: the same shapes, string args split, script health check', async () => {
  const { manifests, warnings } = await convertEcosystemFile(path.join(fixtures, 'pmdaemon-example.yaml'), options);
  assert.deepEqual(warnings, []);
  assertValidManifests(manifests);
  assert.equal(manifests[0]!.spec.port, '3000-3003');
  assert.deepEqual(manifests[1]!.spec.args, ['worker.py', '--queue', 'high priority']);
  assert.deepEqual(manifests[1]!.spec.readinessProbe, { exec: { command: ['./worker-health.sh'] }, timeout: '10s', interval: '60s' });
});

test('a single app object (JSON and YAML)', async (t) => {
  const json = await convertEcosystemFile(path.join(fixtures, 'single-app.json'), options);
  assert.deepEqual(json.manifests.map((m) => [m.metadata.name, m.spec.port]), [['solo', 4000]]);
  const dir = await tempDir(t);
  await writeFile(path.join(dir, 'app.yml'), 'name: Web_App\nscript: server.js\ninstances: max\n');
  const yaml = await convertEcosystemFile(path.join(dir, 'app.yml'), options);
  assertValidManifests(yaml.manifests);
  assert.deepEqual(yaml.manifests[0]!.metadata.name, 'web-app');
  assert.deepEqual(yaml.manifests[0]!.spec, { script: 'node', args: ['server.js'], cwd: dir, instances: 4 });
  const file = path.join(dir, 'app.yml');
  assert.deepEqual(yaml.warnings, [
    `${file}: name: "Web_App" is not a valid berth name (lower case letters, digits and '-', at most 63); using "web-app"`,
    `${file}: instances: "max" means one instance per CPU; using 4, the CPU count of this machine`,
  ]);
});

test('a top-level list of apps, apps as one object, and PM2 deploy (a warning)', () => {
  const list = convertEcosystemText('[{"name": "a", "script": "node"}, {"name": "b", "script": "node"}]', 'apps.json', options);
  assert.deepEqual(list.manifests.map((m) => m.metadata.name), ['a', 'b']);
  const one = convertEcosystemText('apps:\n  name: a\n  script: node\ndeploy:\n  production: {}\n', 'apps.yaml', options);
  assert.deepEqual(one.manifests.map((m) => m.metadata.name), ['a']);
  assert.deepEqual(one.warnings, ['apps.yaml: deploy: PM2 deployment is not supported by berth; ignored']);
});

test('bad JSON: file, line and column', async () => {
  const file = path.join(fixtures, 'bad-syntax.json');
  assert.equal(await failure(convertEcosystemFile(file, options)), `${file}:5:7: invalid JSON: unexpected "\\"", expected "," or "}"`);
  assert.throws(() => convertEcosystemText('{"apps": [\n  {"name": "a" "script": "node"}\n]}', 'e.json'), { message: 'e.json:2:16: invalid JSON: unexpected "\\"", expected "," or "}"' });
});

test('bad YAML: file, line and column', () => {
  assert.throws(() => convertEcosystemText('apps:\n  - name: web\n    script: [node\n', 'e.yaml'), {
    message: 'e.yaml:4:1: invalid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
  });
  assert.throws(() => convertEcosystemText('apps:\n  - name: web\n    name: x\n    script: node\n', 'e.yaml'), { message: 'e.yaml:3:5: invalid YAML: Map keys must be unique' });
});

test('missing script, bad values: positions point into the file', () => {
  const json = '{\n  "apps": [\n    {"name": "ok", "script": "node"},\n    {\n      "name": "web"\n    }\n  ]\n}\n';
  assert.throws(() => convertEcosystemText(json, 'e.json'), { message: 'e.json:4:5: apps[1]: missing required field "script"' });
  const yaml = 'apps:\n  - name: web\n    script: node\n    instances: 4\n    port: "3000-3001"\n';
  assert.throws(() => convertEcosystemText(yaml, 'e.yaml'), { message: 'e.yaml:5:11: apps[0].port: Port range 3000-3001 has only 2 ports but 4 instances requested' });
  assert.throws(() => convertEcosystemText('name: web\nscript: node\nenv:\n  BAD-NAME: 1\n', 'e.yaml'), { message: 'e.yaml:4:13: env.BAD-NAME: invalid variable name "BAD-NAME": use letters, digits and \'_\', not starting with a digit' });
});

test('duplicate names, empty configs and berth manifests are errors', () => {
  assert.throws(() => convertEcosystemText('apps:\n  - {name: web, script: node}\n  - {name: web_, script: node}\n', 'e.yaml'), {
    message: 'e.yaml:3:12: apps[1].name: "web" is already the name of apps[0]; app names must be unique',
  });
  assert.throws(() => convertEcosystemText('{"apps": []}', 'e.json'), { message: 'e.json:1:10: apps: the config lists no apps' });
  assert.throws(() => convertEcosystemText('', 'e.yaml'), { message: /^e\.yaml:1:1: \(document\): the config is empty/ });
  assert.throws(() => convertEcosystemText('apiVersion: berth/v1\nkind: App\n', 'web.yaml'), { message: /^web\.yaml:1:1: this is a berth manifest/ });
});

test("PM2 ecosystem.config.js: require()d as PM2 does, with __dirname and require", async (t) => {
  const dir = await tempDir(t);
  await writeFile(path.join(dir, 'shared.js'), 'module.exports = { NODE_ENV: "production" };\n');
  await writeFile(
    path.join(dir, 'ecosystem.config.js'),
    `const path = require('node:path');
module.exports = {
  apps: [{
    name: 'web',
    script: './server.js',
    cwd: path.join(__dirname, 'app'),
    instances: 4,
    exec_mode: 'cluster',
    watch: true,
    env: require('./shared.js'),
    kill_timeout: 3000,
  }],
};
`,
  );
  const file = path.join(dir, 'ecosystem.config.js');
  const { manifests, warnings } = await convertEcosystemFile(file, options);
  assertValidManifests(manifests);
  assert.deepEqual(manifests[0]!.spec, {
    script: 'node',
    args: ['./server.js'],
    cwd: path.join(dir, 'app'),
    env: { NODE_ENV: 'production' },
    instances: 4,
    stopSignal: 'SIGINT',
    stopTimeout: 3000,
    watch: true,
  });
  assert.deepEqual(warnings, [`${file}: apps[0].exec_mode: cluster is not supported by berth; running 4 fork-mode instances`]);
});

test('an edited .js config is read again, not served from the require cache', async (t) => {
  const dir = await tempDir(t);
  const file = path.join(dir, 'ecosystem.config.js');
  await writeFile(file, 'module.exports = { apps: [{ name: "one", script: "node" }] };\n');
  assert.equal((await convertEcosystemFile(file, options)).manifests[0]!.metadata.name, 'one');
  await writeFile(file, 'module.exports = { apps: [{ name: "two", script: "node" }] };\n');
  assert.equal((await convertEcosystemFile(file, options)).manifests[0]!.metadata.name, 'two');
});

test('.cjs and .js with module.exports inside a "type": "module" package', async (t) => {
  const dir = await tempDir(t);
  await writeFile(path.join(dir, 'package.json'), '{"type": "module"}\n');
  await mkdir(path.join(dir, 'deploy'));
  const config = 'module.exports = { apps: [{ name: "api", script: "app.py", args: "--port 8000" }] };\n';
  await writeFile(path.join(dir, 'deploy', 'ecosystem.config.cjs'), config);
  await writeFile(path.join(dir, 'deploy', 'ecosystem.config.js'), config);
  for (const name of ['ecosystem.config.cjs', 'ecosystem.config.js']) {
    const { manifests } = await convertEcosystemFile(path.join(dir, 'deploy', name), options);
    assertValidManifests(manifests);
    assert.deepEqual([manifests[0]!.spec.script, manifests[0]!.spec.args], ['python3', ['app.py', '--port', '8000']], name);
  }
});

test('ES module configs: export default in a .js of a module package, and .mjs', async (t) => {
  const dir = await tempDir(t);
  await writeFile(path.join(dir, 'package.json'), '{"type": "module"}\n');
  await writeFile(path.join(dir, 'ecosystem.config.js'), 'export default { apps: [{ name: "esm", script: "node" }] };\n');
  await writeFile(path.join(dir, 'ecosystem.config.mjs'), 'export const apps = [{ name: "mjs", script: "node" }];\n');
  assert.equal((await convertEcosystemFile(path.join(dir, 'ecosystem.config.js'), options)).manifests[0]!.metadata.name, 'esm');
  assert.equal((await convertEcosystemFile(path.join(dir, 'ecosystem.config.mjs'), options)).manifests[0]!.metadata.name, 'mjs');
});

test('a JS config that throws or does not parse: one line naming the file', async (t) => {
  const dir = await tempDir(t);
  const throws = path.join(dir, 'throws.config.js');
  await writeFile(throws, '// config\nthrow new Error("no DATABASE_URL set");\n');
  assert.equal(await failure(convertEcosystemFile(throws, options)), `${throws}:2:7: cannot load the ecosystem config: no DATABASE_URL set`);
  const broken = path.join(dir, 'broken.config.cjs');
  await writeFile(broken, 'module.exports = {\n  apps: [\n    { name: "a" script: "node" }\n  ]\n};\n');
  assert.match(await failure(convertEcosystemFile(broken, options)), new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: cannot load the ecosystem config: `));
  const missing = path.join(dir, 'missing.config.js');
  assert.match(await failure(convertEcosystemFile(missing, options)), /missing\.config\.js:1:1: cannot load the ecosystem config: Cannot find module/);
  const field = path.join(dir, 'field.config.js');
  await writeFile(field, 'module.exports = { apps: [{ name: "a" }] };\n');
  assert.equal(await failure(convertEcosystemFile(field, options)), `${field}:1:1: apps[0]: missing required field "script"`);
});

test('an alias bomb in an ecosystem YAML is a file:line:col error like every other', () => {
  const bomb = [
    'apps: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]',
    'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
    '',
  ].join('\n');
  assert.throws(() => convertEcosystemText(bomb, 'bomb.yaml'), { message: /^bomb\.yaml:1:1: invalid YAML: Excessive alias count/ });
});
