// Finding and stopping a home's processes by spawn marker: exact matches of
// recorded markers, or (store unreadable) markers naming the home; never
// BERTH_HOME, never another home's marker.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { findEscapedProcesses, findMarkedProcesses, readMarker, stopMarkedProcesses } from '../../src/process/marked-processes.js';
import { MARKER_VAR, markerHome, newSpawnMarker, parseSpawnMarker } from '../../src/process/spawn-marker.js';
import { startDetached } from '../helpers/stranger-processes.js';
import { holdEventLoop, tempDir } from '../instance/helpers.js';

holdEventLoop();

test('a marker names the nonce, the instance and the home; anything else is not a marker', () => {
  const marker = newSpawnMarker({ home: '/srv/my:home', app: 'web', index: 3, nonce: 'ab'.repeat(12) });
  assert.equal(marker, `${'ab'.repeat(12)}:web/3:/srv/my:home`);
  assert.deepEqual(parseSpawnMarker(marker), { nonce: 'ab'.repeat(12), app: 'web', index: 3, home: '/srv/my:home' });
  assert.equal(parseSpawnMarker('/root/.berth'), undefined);
  assert.equal(parseSpawnMarker(`${'ab'.repeat(12)}:Web/3:/h`), undefined);
  assert.notEqual(newSpawnMarker({ home: '/h', app: 'a', index: 0 }), newSpawnMarker({ home: '/h', app: 'a', index: 0 }), 'one marker per spawn');
});

test('only recorded markers are stopped; BERTH_HOME alone, unrecorded and other homes\' markers are untouched', async (t) => {
  const home = markerHome(tempDir(t, 'berth-marked-'));
  const recorded = newSpawnMarker({ home, app: 'web', index: 0 });
  const unrecorded = newSpawnMarker({ home, app: 'web', index: 1 });
  const otherHome = newSpawnMarker({ home: `${home}-other`, app: 'web', index: 0 });
  const ours = await startDetached(t, { [MARKER_VAR]: recorded });
  const notRecorded = await startDetached(t, { [MARKER_VAR]: unrecorded });
  const foreign = await startDetached(t, { [MARKER_VAR]: otherHome });
  // A shell job started after `export BERTH_HOME=...`, dressed up as an app as far as env goes.
  const stranger = await startDetached(t, { BERTH_HOME: home, BERTH_APP_NAME: 'web', BERTH_INSTANCE_ID: '0' });

  assert.equal(readMarker(ours.pid), recorded);
  assert.equal(readMarker(stranger.pid), undefined);
  assert.deepEqual(findMarkedProcesses((m) => m === recorded).map((p) => [p.pid, p.app, p.instance, p.pgrp]), [[ours.pid, 'web', 0, ours.pid]]);

  const stopped = await stopMarkedProcesses(home, { recorded: [recorded], timeoutMs: 2_000 });
  assert.deepEqual(stopped.map((p) => p.pid), [ours.pid]);
  assert.equal(ours.alive(), false);
  assert.ok(notRecorded.alive(), 'a marker the store never recorded is not matched');
  assert.ok(foreign.alive(), 'another home\'s process is never touched');
  assert.ok(stranger.alive(), 'BERTH_HOME alone is never a marker');
});

test('with an unreadable store (no recorded markers given) every marker naming this home is stopped, nothing else', async (t) => {
  const dir = tempDir(t, 'berth-marked-');
  const home = markerHome(dir);
  const a = await startDetached(t, { [MARKER_VAR]: newSpawnMarker({ home, app: 'web', index: 0 }) });
  const b = await startDetached(t, { [MARKER_VAR]: newSpawnMarker({ home, app: 'api', index: 2 }) });
  const foreign = await startDetached(t, { [MARKER_VAR]: newSpawnMarker({ home: path.join(home, 'nested'), app: 'web', index: 0 }) });
  const stranger = await startDetached(t, { BERTH_HOME: home });
  // the home given with a trailing slash still names the same home
  const stopped = await stopMarkedProcesses(`${dir}/`, { timeoutMs: 2_000 });
  assert.deepEqual(stopped.map((p) => p.pid).sort(), [a.pid, b.pid].sort());
  assert.equal(a.alive() || b.alive(), false);
  assert.ok(foreign.alive() && stranger.alive());
});

test('escaped descendants: processes carrying the marker outside the group, started after the instance', async (t) => {
  const home = markerHome(tempDir(t, 'berth-marked-'));
  const marker = newSpawnMarker({ home, app: 'web', index: 0 });
  const leader = await startDetached(t, { [MARKER_VAR]: marker });
  const escaped = await startDetached(t, { [MARKER_VAR]: marker });
  const other = await startDetached(t, { [MARKER_VAR]: newSpawnMarker({ home, app: 'web', index: 0 }) });
  const found = findEscapedProcesses({ marker, group: leader.pid, since: leader.startTime }).map((p) => p.pid);
  assert.deepEqual(found, [escaped.pid]);
  assert.ok(other.alive());
});
