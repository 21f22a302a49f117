// The validators are compiled from schemas/ at build time: this fails when
// the committed output differs from a fresh compile (a schema edited without
// `npm run build`, or a new ajv), and shows the running code never loads
// ajv's compiler.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';

const root = new URL('../../../', import.meta.url);

test('src/manifest/generated/validators.cts is current with schemas/', async () => {
  const script = new URL('scripts/gen-validators.mjs', root).href;
  const { renderValidators } = (await import(script)) as { renderValidators: () => Promise<string> };
  assert.equal(await readFile(new URL('src/manifest/generated/validators.cts', root), 'utf8'), await renderValidators(), 'validators.cts is stale: run `npm run build`');
});

test('validating a manifest loads the generated validators, not ajv\'s compiler', () => {
  const parse = new URL('dist/src/manifest/parse-manifest-text.js', root).href;
  const code = `const { parseManifestText } = await import(${JSON.stringify(parse)});
const { errors } = parseManifestText('apiVersion: berth/v1\\nkind: App\\nmetadata: {name: web}\\nspec: {scrpt: node}\\n', '/m/web.yaml');
const loaded = Object.keys((await import('node:module')).createRequire(import.meta.url).cache);
console.log(JSON.stringify({ errors: errors.map((e) => e.message), ajv: loaded.filter((f) => f.includes('/ajv/')) }));`;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const { errors, ajv } = JSON.parse(run.stdout) as { errors: string[]; ajv: string[] };
  assert.match(errors.join('\n'), /unknown field "scrpt"; did you mean "script"\?/);
  assert.deepEqual(ajv.filter((f) => !f.includes('/ajv/dist/runtime/')), [], 'only ajv\'s small runtime helpers are loaded');
});
