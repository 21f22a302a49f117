// SPEC "Ownership": berth signals only processes it started. A shell job,
// editor or PM2 daemon started with BERTH_HOME exported is never touched,
// neither by the orphan clean-up at `up` nor by `down` (with or without a
// controller); berth's own apps are stopped by `down` all the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { BerthHarness } from '../helpers/berth-harness.js';
import { readStartTime } from '../../src/process/proc-stat.js';
import { waitFor } from '../helpers/wait-for.js';

function app(name: string): string {
  return `apiVersion: berth/v1\nkind: App\nmetadata: {name: ${name}}\nspec: {script: sleep, args: ["1000"], stopTimeout: 2s}\n`;
}

/** `setsid sleep 10001 &` from a shell that exported BERTH_HOME: a session and group leader of its own. */
async function setsidSleep(t: { after: (fn: () => void) => void }, home: string): Promise<{ pid: number; alive: () => boolean }> {
  const child = spawn('setsid', ['sleep', '10001'], { stdio: 'ignore', env: { ...process.env, BERTH_HOME: home } });
  await new Promise((resolve) => child.once('spawn', resolve));
  const pid = child.pid!;
  t.after(() => {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone
    }
  });
  await waitFor(() => readStartTime(pid) !== undefined, { what: 'the stranger runs' });
  const startTime = readStartTime(pid);
  return { pid, alive: () => readStartTime(pid) === startTime };
}

test('a setsid sleep started with BERTH_HOME exported survives up and down; the apps do not', async (t) => {
  const berth = await BerthHarness.create({ env: (home) => ({ BERTH_HOME: home }) });
  t.after(() => berth.cleanup());
  const stranger = await setsidSleep(t, berth.home);

  await berth.writeManifest('a.yaml', app('a'));
  await berth.up();
  const [row] = await berth.waitFor((r) => r.some((i) => i.status === 'online'), 'a online');
  // the orphan clean-up ran before the first reconcile, and the app is up: the stranger is still there
  assert.ok(stranger.alive(), 'berth up killed a process it did not start');

  const down = await berth.cli(['down']);
  assert.equal(down.code, 0, down.stderr);
  assert.equal(readStartTime(row!.pid!), undefined, 'down stopped the app');
  assert.ok(stranger.alive(), 'berth down killed a process it did not start');

  // down without a controller (it was killed): recorded apps and markers are stopped, the stranger is not
  await berth.up();
  const [again] = await berth.waitFor((r) => r.some((i) => i.status === 'online'), 'a online again');
  await berth.killController('SIGKILL');
  const offline = await berth.cli(['down']);
  assert.equal(offline.code, 0, offline.stderr);
  assert.match(offline.stdout, /controller not running; stopped 1 process/);
  assert.equal(readStartTime(again!.pid!), undefined);
  assert.ok(stranger.alive(), 'berth down (no controller) killed a process it did not start');
});
