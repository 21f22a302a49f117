// Env files read from real files by the loader: merged under spec.env, in the
// spec hash, and refused with file:line:col when they cannot be used.
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadManifestDir } from '../../../src/manifest/load-manifest-dir.js';
import { readEnvFile } from '../../../src/manifest/env-file/read-env-file.js';
import { buildInstanceEnv } from '../../../src/ports/instance-env.js';
import type { AppResource } from '../../../src/manifest/types.js';

const manifest = (spec: string, name = 'web') => `apiVersion: berth/v1\nkind: App\nmetadata:\n  name: ${name}\nspec:\n  script: node\n${spec}`;

async function tempDir(t: TestContext): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'berth-envfile-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function loadApp(dir: string, name = 'web'): Promise<AppResource> {
  const state = await loadManifestDir(dir);
  assert.deepEqual(state.errors.map((e) => e.message), []);
  return state.resources.get(name) as AppResource;
}

test('env files go under env in order (a later file wins), and env wins over them', async (t) => {
  const dir = await tempDir(t);
  await writeFile(path.join(dir, 'base.env'), 'A=from-base\nB=from-base\nC=from-base\n');
  await writeFile(path.join(dir, 'local.env'), 'export B=from-local\n');
  await writeFile(path.join(dir, 'web.yaml'), manifest('  envFile: [base.env, local.env]\n  env: {C: from-manifest}\n'));
  const app = await loadApp(dir);
  assert.deepEqual(app.spec.env, { A: 'from-base', B: 'from-local', C: 'from-manifest' });
  assert.deepEqual(app.spec.envFile, [path.join(dir, 'base.env'), path.join(dir, 'local.env')]);
});

test('precedence envFile < env < injected: the port berth assigns wins over both', async (t) => {
  const dir = await tempDir(t);
  await writeFile(path.join(dir, '.env'), 'PORT=1111\nNODE_ENV=development\nLOG=debug\n');
  await writeFile(path.join(dir, 'web.yaml'), manifest('  envFile: .env\n  env: {NODE_ENV: production}\n'));
  const app = await loadApp(dir);
  const { env, shadowed } = buildInstanceEnv({ app: 'web', index: 0, ports: { port: 3000, tcp: [], udp: [] }, specEnv: app.spec.env });
  assert.equal(env.PORT, '3000');
  assert.equal(env.NODE_ENV, 'production');
  assert.equal(env.LOG, 'debug');
  assert.deepEqual(shadowed, ['PORT']);
});

test('a changed value changes the spec hash; a comment does not', async (t) => {
  const dir = await tempDir(t);
  const envFile = path.join(dir, '.env');
  await writeFile(envFile, 'GREETING=hello\n');
  await writeFile(path.join(dir, 'web.yaml'), manifest('  envFile: .env\n'));
  const first = (await loadApp(dir)).specHash;
  await writeFile(envFile, '# greeting for the home page\nGREETING=hello\n');
  assert.equal((await loadApp(dir)).specHash, first);
  await writeFile(envFile, 'GREETING=bonjour\n');
  assert.notEqual((await loadApp(dir)).specHash, first);
});

test('a missing env file is an error at its entry; the app is left out but its file still names it', async (t) => {
  const dir = await tempDir(t);
  await writeFile(path.join(dir, 'present.env'), 'A=1\n');
  await writeFile(path.join(dir, 'web.yaml'), manifest('  envFile:\n    - present.env\n    - missing.env\n'));
  const state = await loadManifestDir(dir);
  assert.equal(state.resources.has('web'), false);
  const display = path.relative(process.cwd(), path.join(dir, 'web.yaml'));
  assert.deepEqual(state.errors.map((e) => e.message), [`${display}:9:7: spec.envFile[1]: cannot read ${path.join(dir, 'missing.env')}: ENOENT`]);
  assert.deepEqual(state.files.get(path.join(dir, 'web.yaml'))?.names, ['web']);
  assert.deepEqual(state.files.get(path.join(dir, 'web.yaml'))?.envFiles, [path.join(dir, 'present.env'), path.join(dir, 'missing.env')], 'for the controller to watch');
});

test('the other apps of the file load', async (t) => {
  const dir = await tempDir(t);
  await writeFile(path.join(dir, 'apps.yaml'), `${manifest('  envFile: nope.env\n')}---\n${manifest('', 'api')}`);
  const state = await loadManifestDir(dir);
  assert.deepEqual([...state.resources.keys()], ['api']);
  assert.match(state.errors[0]!.message, /apps\.yaml:7:12: spec\.envFile: cannot read .*nope\.env: ENOENT$/);
});

test('a folder, a FIFO and a file with a NUL byte are refused, and a FIFO never blocks', async (t) => {
  const dir = await tempDir(t);
  await mkdir(path.join(dir, 'folder.env'));
  await assert.rejects(readEnvFile(path.join(dir, 'folder.env')), /folder\.env is not a regular file$/);
  await writeFile(path.join(dir, 'nul.env'), 'A=1\0\n');
  await assert.rejects(readEnvFile(path.join(dir, 'nul.env')), /nul\.env contains a NUL byte, which no environment variable can hold$/);
  const fifo = path.join(dir, 'fifo.env');
  const made = spawnSync('mkfifo', [fifo]);
  if (made.error || made.status !== 0) {
    t.diagnostic('mkfifo is not available: the FIFO case is not checked');
    return;
  }
  await assert.rejects(readEnvFile(fifo), /fifo\.env is not a regular file$/);
});

test('a file over 1 MiB is refused', async (t) => {
  const dir = await tempDir(t);
  await writeFile(path.join(dir, 'big.env'), `A=${'x'.repeat(1024 * 1024)}\n`);
  await assert.rejects(readEnvFile(path.join(dir, 'big.env')), /big\.env is 1\.0 MiB; an env file may be at most 1 MiB$/);
});
