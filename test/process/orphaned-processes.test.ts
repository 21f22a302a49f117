import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findMarkedProcesses, stopOrphanedProcesses } from '../../src/process/orphaned-processes.js';
import { readStartTime } from '../../src/process/proc-stat.js';

async function startMarked(home: string, app: string, instance: number) {
  const child = spawn('sleep', ['1000'], { detached: true, stdio: 'ignore', env: { ...process.env, BERTH_HOME: home, BERTH_APP_NAME: app, BERTH_INSTANCE_ID: String(instance) } });
  await new Promise((r) => child.once('spawn', r));
  child.unref();
  return child.pid!;
}

test('processes marked with this home are found; the unrecorded ones are stopped, the recorded kept', async (t) => {
  const home = await mkdtemp(path.join(tmpdir(), 'berth-orphans-'));
  const other = `${home}-other`;
  const pids: number[] = [];
  t.after(async () => {
    for (const pid of pids) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
    await rm(home, { recursive: true, force: true });
  });
  const recorded = await startMarked(home, 'web', 0);
  const orphan = await startMarked(home, 'web', 1);
  const stranger = await startMarked(other, 'web', 0);
  pids.push(recorded, orphan, stranger);

  const found = findMarkedProcesses(home).sort((a, b) => a.pid - b.pid);
  assert.deepEqual(found.map((p) => [p.pid, p.app, p.instance]), [[recorded, 'web', 0], [orphan, 'web', 1]].sort((a, b) => (a[0] as number) - (b[0] as number)));

  const stopped = await stopOrphanedProcesses(home, [{ pid: recorded, startTime: readStartTime(recorded)! }], { timeoutMs: 1_000 });
  assert.deepEqual(stopped.map((p) => p.pid), [orphan]);
  // the test is the orphan's parent: until it reaps it, the orphan is a zombie (readStartTime: undefined)
  assert.equal(readStartTime(orphan), undefined);
  assert.notEqual(readStartTime(recorded), undefined);
  assert.notEqual(readStartTime(stranger), undefined, 'another home\'s process is never touched');
});
