// restartPolicy Never / OnFailure hold across reconciles: an instance that ended by its own policy is
// started again only when asked (restart, start) or when its spec changes, never by a resync.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BerthHarness } from '../helpers/berth-harness.js';
import { ApiClient } from '../../src/api/api-client.js';
import { waitFor } from '../helpers/wait-for.js';

const runsOf = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0);

function oneShot(name: string, runs: string, exitCode: number, policy: 'Never' | 'OnFailure', extra = ''): string {
  return `apiVersion: berth/v1\nkind: App\nmetadata: {name: ${name}}\nspec: {script: sh, args: ["-c", "echo run >> ${runs}; exit ${exitCode}"], restartPolicy: ${policy}${extra}}\n`;
}

test('an instance that ended by its policy is not started again by a resync; restart and a spec change run it again', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const failed = path.join(berth.root, 'failed.runs');
  const done = path.join(berth.root, 'done.runs');
  await berth.writeManifest('failed.yaml', oneShot('failed', failed, 1, 'Never'));
  await berth.writeManifest('done.yaml', oneShot('done', done, 0, 'OnFailure'));
  await berth.waitFor((rows) => rows.find((r) => r.app === 'failed')?.status === 'errored' && rows.find((r) => r.app === 'done')?.status === 'stopped', 'both ended');

  // What the periodic resync does, twice, now.
  const api = new ApiClient(berth.home);
  await api.reconcileNow();
  await api.reconcileNow();
  assert.equal(runsOf(failed), 1, 'Never: one run');
  assert.equal(runsOf(done), 1, 'OnFailure after exit 0: one run');
  const rows = await berth.instances();
  assert.deepEqual(rows.map((r) => [r.app, r.status, r.restarts]).sort(), [['done', 'stopped', 0], ['failed', 'errored', 0]]);

  assert.equal((await berth.cli(['restart', 'failed'])).code, 0);
  await waitFor(() => runsOf(failed) === 2, { what: 'a second run after berth restart' });
  await berth.writeManifest('done.yaml', oneShot('done', done, 0, 'OnFailure', ', env: {V: "2"}'));
  await waitFor(() => runsOf(done) === 2, { what: 'a run of the changed spec' });
});
