// SPEC "Ownership": files berth rewrites (apply, scale, delete) keep their
// mode and owner: a 0600 manifest holding a secret stays 0600.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BerthHarness } from '../helpers/berth-harness.js';

const app = (name: string, instances: number) => `apiVersion: berth/v1\nkind: App\nmetadata: {name: ${name}}\nspec: {script: sleep, args: ["1000"], instances: ${instances}, env: {API_KEY: s3cr3t}}\n`;

test('scale, apply and delete keep a 0600 manifest 0600', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const file = path.join(berth.dir, 'secretapp.yaml');
  writeFileSync(file, `${app('secretapp', 1)}---\n${app('other', 1)}`);
  chmodSync(file, 0o600);
  await berth.up();
  await berth.waitFor((rows) => rows.filter((r) => r.status === 'online').length === 2, 'both online');
  const steps: [string, string[], string?][] = [
    ['scale', ['scale', 'secretapp', '--instances', '2']],
    ['apply', ['apply', '-f', '-'], app('secretapp', 3)],
    ['delete', ['delete', 'other', '--no-wait']],
  ];
  for (const [what, args, input] of steps) {
    const res = await berth.cli(args, { input });
    assert.equal(res.code, 0, `${what}: ${res.stderr}`);
    assert.equal(statSync(file).mode & 0o777, 0o600, `${what} kept the mode`);
  }
  assert.match(readFileSync(file, 'utf8'), /instances: 3/);
  assert.doesNotMatch(readFileSync(file, 'utf8'), /name: other/);
});
