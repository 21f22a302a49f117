// SPEC "Ownership": when an instance's main process exits, what is left of
// it is stopped too (KillMode=control-group), so nothing leaks per restart
// and no grandchild survives `delete`; maxMemory and the Memory column count
// the whole process group.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BerthHarness, ROOT } from '../helpers/berth-harness.js';
import { readStartTime } from '../../src/process/proc-stat.js';
import { waitFor } from '../helpers/wait-for.js';
import type { AppInfo } from '../../src/api/api-types.js';

/** An app whose shell leaves a child in its group and a setsid'd one outside it, recording their pids. */
function leavingApp(name: string, pidFile: string, then: string, extra = ''): string {
  const script = `sleep 1000 & echo $! >> ${pidFile}; setsid sleep 1000 & echo $! >> ${pidFile}; ${then}`;
  return `apiVersion: berth/v1\nkind: App\nmetadata: {name: ${name}}\nspec: {script: sh, args: ["-c", ${JSON.stringify(script)}], stopTimeout: 2s${extra}}\n`;
}

function childPids(t: { after: (fn: () => void) => void }, file: string): () => number[] {
  const read = () => (existsSync(file) ? readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map(Number) : []);
  t.after(() => {
    for (const pid of read()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  });
  return read;
}

const alive = (pids: number[]) => pids.filter((pid) => readStartTime(pid) !== undefined);

/** A controller running `leavingApp`; the pids its runs recorded, all killed when the test ends. */
async function runLeaving(t: { after: (fn: () => void | Promise<void>) => void }, name: string, then: string, extra = '') {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  const pids = childPids(t, path.join(berth.root, 'children'));
  await berth.up();
  await berth.writeManifest(`${name}.yaml`, leavingApp(name, path.join(berth.root, 'children'), then, extra));
  return { berth, pids };
}

async function deleteLeavesNothing(berth: BerthHarness, name: string, pids: () => number[]): Promise<void> {
  const res = await berth.cli(['delete', name]);
  assert.equal(res.code, 0, res.stderr);
  assert.deepEqual(alive(pids()), []);
}

test('no grandchild survives delete, in the group or setsid\'d out of it', async (t) => {
  const { berth, pids } = await runLeaving(t, 'keeper', 'wait');
  await waitFor(() => pids().length === 2, { what: 'both children started' });
  await deleteLeavesNothing(berth, 'keeper', pids);
});

test('a restarting app leaks nothing: each run\'s children are stopped before the next run', async (t) => {
  const { berth, pids } = await runLeaving(t, 'leaker', 'sleep 0.3; exit 0', ', restartDelay: 100ms');
  await berth.waitFor((rows) => rows.some((r) => r.restarts >= 4), '4 restarts');
  // everything but what the current run started is gone
  assert.ok(alive(pids()).length <= 2, `children alive after 4 restarts: ${alive(pids()).length} of ${pids().length}`);
  await deleteLeavesNothing(berth, 'leaker', pids);
});

test('a 300 MB child under sh -c with maxMemory 150M is restarted', async (t) => {
  const berth = await BerthHarness.create();
  t.after(() => berth.cleanup());
  await berth.up();
  const hog = path.join(ROOT, 'test', 'fixtures', 'memory-hog.mjs');
  await berth.writeManifest('leakwrap.yaml', `apiVersion: berth/v1\nkind: App\nmetadata: {name: leakwrap}\nspec: {script: sh, args: ["-c", "${process.execPath} ${hog} 300; echo done"], maxMemory: 150M}\n`);
  await waitFor(async () => {
    const res = await berth.cli(['info', 'leakwrap', '-o', 'json']);
    return res.code === 0 && (JSON.parse(res.stdout) as AppInfo).events.some((e) => e.reason === 'MemoryLimit');
  }, { what: 'a MemoryLimit restart', timeoutMs: 30_000 });
  await berth.waitFor((rows) => rows.some((r) => r.restarts >= 1), 'counted as a restart');
});
