// When the sweep reads an instance's /proc stat, with real processes: a child of ours (its
// 'exit' reports its end) only while someone asks for samples, an adopted process or one with a
// memory limit every tick; a child killed from outside still restarts at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Sweeper } from '../../src/process/sweep.js';
import { readProcStat } from '../../src/process/proc-stat.js';
import { fixture, holdEventLoop, until } from './helpers.js';
import { supervisorSetup } from './supervisor-harness.js';

holdEventLoop();

/** A real sweep (no timer of its own to speak of) that records which pids it read. */
function spySweeper() {
  const reads: number[] = [];
  const sweeper = new Sweeper({ intervalMs: 3_600_000, readStat: (pid) => (reads.push(pid), readProcStat(pid)) });
  return { sweeper, reads };
}

test('a child of ours is read only when samples are asked for; killed, it restarts on its exit event', async (t) => {
  const { sweeper, reads } = spySweeper();
  const { supervisor, track, config } = supervisorSetup(t, { sweeper });
  const handle = track(supervisor.start(config({ args: [fixture('sleeper.mjs')] })));
  await handle.waitReady({ timeoutMs: 5_000 });
  const pid = handle.snapshot().pid!;
  for (let i = 0; i < 3; i++) await sweeper.tick();
  assert.deepEqual(reads.filter((p) => p === pid), [], 'nobody asked: no read of its stat file');
  assert.equal(handle.snapshot().memory, undefined);

  await supervisor.refreshSamples();
  assert.deepEqual(reads.filter((p) => p === pid), [pid], 'asked: read once, at once');
  assert.equal(typeof handle.snapshot().memory, 'number', 'its sample reached the snapshot');

  // No sweep tick runs (its timer is an hour): the restart comes from the child's exit alone.
  process.kill(-pid, 'SIGKILL');
  await until('restart after the kill', () => handle.snapshot().restarts === 1 && handle.snapshot().status === 'online' && handle.snapshot().pid !== pid);
  await supervisor.stopAll();
});

test('a child with a memory limit is read every tick, asked or not', async (t) => {
  const { sweeper, reads } = spySweeper();
  const { supervisor, track, config } = supervisorSetup(t, { sweeper });
  const handle = track(supervisor.start(config({ args: [fixture('sleeper.mjs')], maxMemoryBytes: 2 ** 30 })));
  await handle.waitReady({ timeoutMs: 5_000 });
  const pid = handle.snapshot().pid!;
  for (let i = 0; i < 3; i++) await sweeper.tick();
  assert.equal(reads.filter((p) => p === pid).length, 3);
  assert.equal(typeof handle.snapshot().memory, 'number');
  await supervisor.stopAll();
});
