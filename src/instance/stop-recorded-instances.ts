/**
 * `berth down` without a controller: stops every process the store records,
 * checking (pid, start time) first so a reused PID is never signalled, and
 * marks the instances stopped, dependents first. The instance layer's offline half: it writes
 * rows through InstanceRows, as the Supervisor does.
 */
import type { Store } from '../store/store.js';
import type { AppSpec } from '../manifest/types.js';
import { isSameProcess } from '../process/proc-stat.js';
import { stopProcessGroup } from '../process/stop-process-group.js';
import { InstanceRows } from './instance-rows.js';
import { graphOfApps } from '../dependencies/graph-of-apps.js';
import { stopLayers } from '../dependencies/dependency-graph.js';

export async function stopRecordedInstances(store: Store): Promise<number> {
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
        return stopProcessGroup({ pid: row.pid!, signal: spec?.stopSignal ?? 'SIGTERM', timeoutMs: spec?.stopTimeoutMs ?? 10_000 });
      }),
    );
  }
  rows.markProcessesStopped();
  return live.length;
}
