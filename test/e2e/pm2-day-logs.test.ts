// The PM2 user's day, logs: `berth logs` with no name merges every app's
// lines, prefixed NAME/INDEX, as they arrive (new instances included);
// NAME/INDEX picks one instance; flush empties the files; colours only on a
// terminal and never with NO_COLOR.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { allOnline, BerthHarness, BIN, helloApp } from '../helpers/berth-harness.js';
import { freePortRange } from '../helpers/free-ports.js';


test('logs with no name: every app, NAME/INDEX prefixes, followed as lines arrive; flush', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const base = await freePortRange(4);
  await berth.writeManifest('web.yaml', helloApp({ name: 'web', instances: 2, port: `auto:${base}-${base + 2}` }));
  await berth.writeManifest('api.yaml', helloApp({ name: 'api', port: String(base + 3) }));
  const rows = await berth.waitFor(allOnline(3), 'web x2 and api online');
  const portOf = (app: string, index: number) => rows.find((r) => r.app === app && r.instance === index)!.port;

  const all = await berth.cli(['logs']);
  assert.equal(all.code, 0, all.stderr);
  assert.deepEqual(all.stdout.trim().split('\n'), [`api/0 | listening on ${portOf('api', 0)}`, `web/0 | listening on ${portOf('web', 0)}`, `web/1 | listening on ${portOf('web', 1)}`]);
  const one = await berth.cli(['logs', 'web/1']);
  assert.deepEqual(one.stdout.trim().split('\n'), [`web/1 | listening on ${portOf('web', 1)}`]);
  const missing = await berth.cli(['logs', 'nope']);
  assert.deepEqual([missing.code, missing.stderr.trim()], [1, 'Error: app "nope" not found']);

  const follow = berth.spawnCli(['logs', '-f']);
  // the tail comes first; following starts from where it ended
  await follow.waitFor(/^web\/1 \| listening/m, 'the tail before following');
  assert.equal((await berth.cli(['restart', 'api'])).code, 0);
  await follow.waitFor(/^api\/0 \| SIGTERM: closing$/m, 'the old api process saying goodbye');
  await follow.waitFor(new RegExp(`^api/0 \\| listening on ${portOf('api', 0)}$`, 'm'), 'the new api process');
  assert.equal((await berth.cli(['scale', 'web', '+1'])).code, 0);
  await follow.waitFor(/^web\/2 \| listening on \d+$/m, 'a new instance, picked up while following');
  assert.equal(follow.stdout.match(/^web\/[01] /gm)?.length, 2, 'the tail once, nothing printed twice');
  assert.equal(await follow.stop(), 0);

  const flushWeb = await berth.cli(['flush', 'web']);
  assert.equal(flushWeb.code, 0, flushWeb.stderr);
  assert.match(flushWeb.stdout, /flushed .*web-0\.out\.log/);
  assert.equal((await berth.cli(['logs', 'web'])).stdout, '');
  assert.match((await berth.cli(['logs'])).stdout, /^api\/0 \| listening/m, 'other apps keep their logs');
  assert.equal((await berth.cli(['flush'])).code, 0);
  assert.equal((await berth.cli(['logs'])).stdout, '');
  const logDir = path.join(berth.home, 'logs');
  for (const name of (await readdir(logDir)).filter((n) => /^(web|api)-/.test(n))) assert.equal((await stat(path.join(logDir, name))).size, 0, name);
  // the apps keep writing to the emptied files
  assert.equal((await berth.cli(['restart', 'api'])).code, 0);
  await berth.waitFor(allOnline(4), 'api back');
  const after = await berth.cli(['logs', 'api']);
  assert.match(after.stdout, /^api\/0 \| listening on/m);
});

test('colours only on a terminal, never with NO_COLOR', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const base = await freePortRange(1);
  await berth.writeManifest('web.yaml', helloApp({ name: 'web', port: String(base) }));
  await berth.waitFor(allOnline(1), 'web online');
  const piped = await berth.cli(['list']);
  assert.doesNotMatch(piped.stdout, /\u001b\[/, 'no colour in a pipe');
  let script: string;
  try {
    script = execFileSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).trim();
  } catch {
    t.skip('`script` (util-linux) is not installed: cannot give berth a terminal');
    return;
  }
  // script(1) gives the command a pseudo-terminal, as a user's shell has
  const onTerminal = (env: NodeJS.ProcessEnv, args: string) => execFileSync(script, ['-qec', `${process.execPath} ${BIN} --home ${berth.home} ${args}`, '/dev/null'], { encoding: 'utf8', env: { ...process.env, ...env } });
  assert.match(onTerminal({}, 'list'), /\u001b\[32m● ?\u001b\[0m online/);
  assert.match(onTerminal({}, 'logs'), /\u001b\[36mweb\/0 \|\u001b\[0m listening/);
  const noColour = onTerminal({ NO_COLOR: '1' }, 'list') + onTerminal({ NO_COLOR: '1' }, 'logs');
  assert.doesNotMatch(noColour, /\u001b\[/);
  assert.match(noColour, /web\/0 \| listening/);
});
