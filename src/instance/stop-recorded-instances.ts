/**
 * `berth down` without a controller: stops every process the store records,
 * checking (pid, start time) first so a reused PID is never signalled (with
 * its descendants that left the group, by spawn marker), dependents first,
 * then whatever else carries a recorded marker, and marks the instances
 * stopped. The instance layer's offline half: it writes rows through
 * InstanceRows and markers through SpawnRecords, as the Supervisor does.
 */
import type { Store } from '../store/store.js';
import type { AppSpec } from '../manifest/types.js';
import { isSameProcess } from '../process/proc-stat.js';
import { stopInstanceProcesses } from '../process/stop-instance-processes.js';
import { InstanceRows } from './instance-rows.js';
import { stopEveryRecordedMarker } from './reap-orphans.js';
import { graphOfApps } from '../dependencies/graph-of-apps.js';
import { stopLayers } from '../dependencies/dependency-graph.js';

/** Returns how many processes it stopped (instances, then leftovers). */
export async function stopRecordedInstances(store: Store, home: string): Promise<number> {
  const rows = new InstanceRows(store);
  const specs = new Map(store.apps.list().map((app) => [app.name, app.resource.spec as Partial<AppSpec>]));
  const live = rows.list().filter((row) => row.pid !== null && isSameProcess(row.pid, row.startTime));
  // Dependents first (dependsOn), as a running controller stops them; apps the store no longer knows last.
  const layers = stopLayers(graphOfApps([...specs].map(([name, spec]) => ({ name, spec }))));
  const rank = new Map(layers.flatMap((layer, i) => layer.map((app) => [app, i] as const)));
  for (let i = 0; i <= layers.length; i++) {
    await Promise.all(
      live.filter((row) => (rank.get(row.app) ?? layers.length) === i).map((row) => {
        const spec = specs.get(row.app);
        const marker = row.startTime === null ? undefined : store.spawns.find(row.app, row.index, row.pid!, row.startTime)?.marker;
        return stopInstanceProcesses({ pid: row.pid!, startTime: row.startTime, marker, signal: spec?.stopSignal ?? 'SIGTERM', timeoutMs: spec?.stopTimeoutMs ?? 10_000 });
      }),
    );
  }
  rows.markProcessesStopped();
  const leftovers = await stopEveryRecordedMarker(store, home);
  return live.length + leftovers.length;
}
