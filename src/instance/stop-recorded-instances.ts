/**
 * `berth down` without a controller: stops every process the store records,
 * checking (pid, start time) first so a reused PID is never signalled, and
 * marks the instances stopped. The instance layer's offline half: it writes
 * rows through InstanceRows, as the Supervisor does.
 */
import type { Store } from '../store/store.js';
import type { AppSpec } from '../manifest/types.js';
import { isSameProcess } from '../process/proc-stat.js';
import { stopProcessGroup } from '../process/stop-process-group.js';
import { InstanceRows } from './instance-rows.js';

export async function stopRecordedInstances(store: Store): Promise<number> {
  const rows = new InstanceRows(store);
  const specs = new Map(store.apps.list().map((app) => [app.name, app.resource.spec as Partial<AppSpec>]));
  const live = rows.list().filter((row) => row.pid !== null && isSameProcess(row.pid, row.startTime));
  await Promise.all(
    live.map((row) => {
      const spec = specs.get(row.app);
      return stopProcessGroup({ pid: row.pid!, signal: spec?.stopSignal ?? 'SIGTERM', timeoutMs: spec?.stopTimeoutMs ?? 10_000 });
    }),
  );
  rows.markProcessesStopped();
  return live.length;
}
