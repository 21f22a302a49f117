// The periodic resync asks the Supervisor to declare, adopt and prune every
// app: with every instance running here it reads indexes, never the records
// (at 1000 instances three reads of every row per resync, most of its cost).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawnProcess } from '../../src/process/spawn-process.js';
import { fixture, holdEventLoop, killGroupAfter, logFds, until } from './helpers.js';
import { supervisorSetup } from './supervisor-harness.js';

holdEventLoop();

test('declare, adoptRecorded and prune of an app whose instances all run here read no instance record; a row nothing runs for is still adopted or pruned', async (t) => {
  const { supervisor, store, track, config, dir } = supervisorSetup(t);
  const configFor = (index: number, specHash: string) => config({ args: [fixture('sleeper.mjs')] }, { index, specHash });
  supervisor.declare('app', 2, 'h1');
  const handles = [0, 1].map((index) => track(supervisor.start(configFor(index, 'h1'))));
  await until('both online', () => handles.every((h) => h.snapshot().status === 'online'));

  const list = store.instances.list.bind(store.instances);
  let recordReads = 0;
  store.instances.list = (app?: string) => (recordReads++, list(app));
  supervisor.declare('app', 2, 'h1');
  assert.deepEqual(supervisor.adoptRecorded('app', configFor), []);
  supervisor.prune('app', 2);
  assert.equal(recordReads, 0);

  // A row beyond the count that nothing runs for is pruned; one that records a process not supervised here is adopted.
  store.instances.upsert('app', 5, { specHash: 'h1', status: 'stopped' });
  supervisor.prune('app', 2);
  assert.deepEqual(store.instances.indexes('app'), [0, 1]);
  const left = await spawnProcess({ script: process.execPath, args: [fixture('sleeper.mjs')], cwd: dir, env: {}, shell: false, ...logFds(t, path.join(dir, 'left.log')) });
  killGroupAfter(t, left.pid);
  store.instances.upsert('app', 2, { specHash: 'h1', status: 'online', pid: left.pid, startTime: left.startTime });
  assert.deepEqual(supervisor.adoptRecorded('app', configFor), [2]);
  assert.ok(recordReads > 0);
  await until('the left process adopted', () => supervisor.snapshot('app', 2)?.pid === left.pid && supervisor.snapshot('app', 2)?.status === 'online');
});
