// The shapes PM2's docs and `pm2 init` produce, as berth's own fixtures:
// apps without a name, env_production with --env, cmd/command, ~ in paths,
// commented JSON, every broken app reported; and the real PM2 and PMDaemon
// files under ../shared/peer-fixtures when that folder is there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { convertEcosystemFile, convertEcosystemText } from '../../../src/manifest/ecosystem/index.js';
import { blankComments } from '../../../src/manifest/ecosystem/parse-config-text.js';
import { detectConfigFormat } from '../../../src/manifest/ecosystem/detect-config-format.js';
import { ManifestError, ManifestErrorList } from '../../../src/errors.js';
import { assertValidManifests } from './assert-valid-manifests.js';

const fixtures = fileURLToPath(new URL('../../../../test/fixtures/ecosystem/', import.meta.url));
const peerFixtures = fileURLToPath(new URL('../../../../../shared/peer-fixtures/', import.meta.url));
const options = { cpus: 4 };

test('`pm2 init` output: apps without a name are named after their script', async () => {
  const file = path.join(fixtures, 'pm2-init.config.js');
  const { manifests, warnings } = await convertEcosystemFile(file, options);
  assert.deepEqual(manifests.map((m) => [m.metadata.name, m.spec.script, m.spec.args]), [
    ['index', 'node', ['index.js']],
    ['service-worker', './service-worker/', undefined],
  ]);
  assertValidManifests(manifests);
  assert.ok(warnings.some((w) => w.endsWith('deploy: PM2 deployment is not supported by berth; ignored')));
  const simple = await convertEcosystemFile(path.join(fixtures, 'pm2-simple.config.js'), options);
  assert.deepEqual(simple.manifests.map((m) => [m.metadata.name, m.spec.args]), [['app1', ['./app.js']]]);
});

test('--env production merges env_production over env; without it env alone, with a hint', async () => {
  const file = path.join(fixtures, 'env-production.config.js');
  const production = await convertEcosystemFile(file, { ...options, envName: 'production' });
  assert.deepEqual(production.manifests[0]!.spec.env, { NODE_ENV: 'production', PORT_HINT: '3000', LOG_LEVEL: 'warn' });
  assert.deepEqual(production.warnings, [`${file}: apps[1]: has no env_production; --env production leaves its env as it is`]);
  const plain = await convertEcosystemFile(file, options);
  assert.deepEqual(plain.manifests[0]!.spec.env, { NODE_ENV: 'development', PORT_HINT: '3000', LOG_LEVEL: 'debug' });
  assert.deepEqual(plain.warnings, [`${file}: apps[0].env_production: not used; \`berth apply --env production\` merges it over env, as pm2 --env does`]);
});

test('cmd and command are script; ~ is the home directory in cwd and log paths', async () => {
  const file = path.join(fixtures, 'env-production.config.js');
  const worker = (await convertEcosystemFile(file, options)).manifests[1]!;
  assert.deepEqual([worker.spec.script, worker.spec.args], ['python3', ['worker.py']]);
  assert.equal(worker.spec.cwd, path.join(homedir(), 'srv/worker'));
  assert.deepEqual(worker.spec.logs, { out: path.join(homedir(), 'logs/worker.out.log'), err: path.join(homedir(), 'logs/worker.err.log') });
  const command = convertEcosystemText('{"apps": [{"command": "./run.sh --fast"}]}', 'e.json', options).manifests[0]!;
  assert.deepEqual([command.metadata.name, command.spec.script, command.spec.args], ['run', 'bash', ['./run.sh', '--fast']]);
});

test('PM2 .json with comments, bare keys, single quotes and trailing commas (JSON5)', async () => {
  const file = path.join(fixtures, 'commented.json');
  const { manifests } = await convertEcosystemFile(file, options);
  assert.deepEqual(manifests.map((m) => [m.metadata.name, m.spec.instances, m.spec.port, m.spec.env]), [
    ['web', 2, '3000-3001', { NODE_ENV: 'production' }],
    ['worker', undefined, undefined, undefined],
  ]);
  assertValidManifests(manifests);
  // positions still point into the commented file
  assert.throws(() => convertEcosystemText('// web\n{apps: [{name: "web", /* port */ script: "a.js", port: "x"}]}', 'e.json', options), (err: Error) => err.message.startsWith('e.json:2:56: apps[0].port:'));
  assert.equal(blankComments('{"a": "//not", /* x\ny */ b: 1} // end'), '{"a": "//not",     \n     b: 1}       ');
  assert.equal(detectConfigFormat('<stdin>', '// ecosystem\n{apps: []}'), 'pmdaemon-json');
});

test('every broken app of a file is reported, one line each', async () => {
  const file = path.join(fixtures, 'two-broken-apps.json');
  await assert.rejects(convertEcosystemFile(file, options), (err: unknown) => {
    assert.ok(err instanceof ManifestErrorList);
    assert.deepEqual(err.toCliLine().split('\n'), [
      `Error: ${file}:3:51: apps[0].instances: must be a whole number up to 10000 or "max", got "lots"`,
      `Error: ${file}:4:60: apps[1].max_memory_restart: invalid size "huge": expected bytes or a string such as "512K", "512M", "1G"`,
    ]);
    return true;
  });
  const many = Array.from({ length: 25 }, (_, i) => `{"name": "a${i}", "script": "a.js", "instances": "x"}`).join(',\n');
  await assert.rejects(async () => convertEcosystemText(`{"apps": [\n${many}\n]}`, 'many.json', options), (err: unknown) => {
    assert.ok(err instanceof ManifestErrorList);
    const lines = err.toCliLine().split('\n');
    assert.equal(lines.length, 21);
    assert.equal(lines.at(-1), 'Error: many.json: and 5 more problems');
    return true;
  });
});

/** Every ecosystem file of the peers: each converts to valid manifests, or fails with file:line:col. */
test('real PM2 and PMDaemon files (../shared/peer-fixtures)', async (t) => {
  if (!existsSync(peerFixtures)) {
    t.skip(`no ${peerFixtures}: the peers' files are not beside this clone`);
    return;
  }
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(json|ya?ml)$/.test(name)) files.push(full);
    }
  };
  walk(peerFixtures);
  assert.ok(files.length >= 20, `found ${files.length} files`);
  let converted = 0;
  for (const file of files) {
    const broken = /malformated/.test(file);
    try {
      const { manifests } = await convertEcosystemFile(file, options);
      assert.ok(!broken, `${file} should not convert`);
      assertValidManifests(manifests);
      converted++;
    } catch (err) {
      if (!(err instanceof ManifestError || err instanceof ManifestErrorList)) throw err;
      assert.match(err.message, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `), `${file}: ${err.message}`);
      // PMDaemon's own validation test holds invalid values on purpose
      assert.ok(broken || /test_config_validation/.test(file), `${file} should convert: ${err.message}`);
    }
  }
  assert.ok(converted >= files.length - 3, `${converted} of ${files.length} converted`);
  const process = await convertEcosystemFile(path.join(peerFixtures, 'pm2/examples/ecosystem-file/process.yml'), { ...options, envName: 'production' });
  assert.equal(process.manifests[0]!.spec.env?.NODE_ENV, 'production');
});
