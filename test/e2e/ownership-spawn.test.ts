// SPEC "Ownership": what an app gets. `spec.inheritEnv: false` keeps the
// controller's environment out of it (but PATH, HOME, LANG, USER); with
// `shell: true` each args element is one quoted word, never shell code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BerthHarness } from '../helpers/berth-harness.js';
import { waitFor } from '../helpers/wait-for.js';

function app(name: string, spec: string): string {
  return `apiVersion: berth/v1\nkind: App\nmetadata: {name: ${name}}\nspec: {${spec}}\n`;
}

async function logsOf(berth: BerthHarness, name: string, until: RegExp): Promise<string> {
  let text = '';
  await waitFor(async () => {
    const res = await berth.cli(['logs', name, '--lines', '200']);
    text = res.stdout + res.stderr;
    return until.test(text);
  }, { what: `logs of ${name} matching ${until}`, timeoutMs: 20_000 });
  return text;
}

test('inheritEnv: false keeps the controller\'s secrets out of the app; the default passes them, as PM2 does', async (t) => {
  const berth = await BerthHarness.create({ env: { AWS_SECRET_ACCESS_KEY: 'controller-only-secret', BERTH_DEBUG: '1' } });
  t.after(() => berth.cleanup());
  await berth.up();
  const printEnv = 'script: sh, args: ["-c", "env; echo END; sleep 1000"]';
  await berth.writeManifest('sealed.yaml', app('sealed', `${printEnv}, inheritEnv: false, env: {MINE: yes}`));
  await berth.writeManifest('open.yaml', app('open', printEnv));
  const sealed = await logsOf(berth, 'sealed', /END/);
  assert.doesNotMatch(sealed, /controller-only-secret|BERTH_DEBUG/);
  assert.match(sealed, /PATH=/);
  assert.match(sealed, /MINE=yes/);
  assert.match(sealed, /BERTH_APP_NAME=sealed/);
  assert.match(await logsOf(berth, 'open', /END/), /AWS_SECRET_ACCESS_KEY=controller-only-secret/);
});

test('shell: true passes each args element as one word: "a b" stays whole, "c;d" runs nothing', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  await berth.writeManifest('quoted.yaml', app('quoted', 'script: printf, args: ["[%s]\\\\n", "a b", "c;d"], shell: true, restartPolicy: Never'));
  const text = await logsOf(berth, 'quoted', /\[c;d\]/);
  assert.match(text, /\[a b\]/);
  assert.doesNotMatch(text, /not found|\[a\]/);
});
