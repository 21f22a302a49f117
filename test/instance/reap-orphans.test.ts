// Controller start and `berth down`: processes matched by the spawn markers
// the store recorded; live instances (and their descendants) kept, orphans
// stopped, records nothing carries any more forgotten.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reapOrphans, stopEveryRecordedMarker } from '../../src/instance/reap-orphans.js';
import { MARKER_VAR, markerHome, newSpawnMarker } from '../../src/process/spawn-marker.js';
import { memoryStore } from '../helpers/memory-store.js';
import { startDetached } from '../helpers/stranger-processes.js';
import { holdEventLoop, tempDir } from './helpers.js';

holdEventLoop();

test('reapOrphans keeps the live recorded instance and its marked descendants, stops the unrecorded replacement, never a stranger', async (t) => {
  const home = markerHome(tempDir(t, 'berth-reap-'));
  const store = memoryStore();
  t.after(() => store.close());
  const liveMarker = newSpawnMarker({ home, app: 'web', index: 0 });
  const orphanMarker = newSpawnMarker({ home, app: 'web', index: 0 });
  const goneMarker = newSpawnMarker({ home, app: 'web', index: 1 });
  const live = await startDetached(t, { [MARKER_VAR]: liveMarker });
  const daemonized = await startDetached(t, { [MARKER_VAR]: liveMarker });
  const orphan = await startDetached(t, { [MARKER_VAR]: orphanMarker });
  const stranger = await startDetached(t, { BERTH_HOME: home, BERTH_APP_NAME: 'web', BERTH_INSTANCE_ID: '0' });
  // the row names the live process; the replacement's marker was recorded (before its spawn) but never reached the row
  store.instances.upsert('web', 0, { specHash: 'h', status: 'online', pid: live.pid, startTime: live.startTime });
  for (const marker of [liveMarker, orphanMarker, goneMarker]) store.spawns.insert(marker, 'web', marker === goneMarker ? 1 : 0);
  store.spawns.setProcess(liveMarker, live.pid, live.startTime);

  const stopped = await reapOrphans(store, home, { timeoutMs: 2_000 });
  assert.deepEqual(stopped.map((p) => [p.pid, p.app, p.instance]), [[orphan.pid, 'web', 0]]);
  assert.equal(orphan.alive(), false);
  assert.ok(live.alive() && daemonized.alive(), 'the adopted instance and its descendants keep running');
  assert.ok(stranger.alive());
  assert.deepEqual(store.spawns.list().map((r) => r.marker), [liveMarker], 'records nothing carries any more are forgotten');

  // `berth down` without a controller: every recorded marker goes, the stranger stays
  const down = await stopEveryRecordedMarker(store, home, { timeoutMs: 2_000 });
  assert.deepEqual(down.map((p) => p.pid).sort(), [live.pid, daemonized.pid].sort());
  assert.equal(live.alive() || daemonized.alive(), false);
  assert.ok(stranger.alive());
  assert.deepEqual(store.spawns.list(), []);
});
