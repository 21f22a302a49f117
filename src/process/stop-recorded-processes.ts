/**
 * `berth down` without a controller: stops every process the store records,
 * checking (pid, start time) first so a reused PID is never signalled, and
 * marks the instances stopped.
 */
import type { Store } from '../store/store.js';
import type { AppSpec } from '../manifest/types.js';
import { isSameProcess } from './proc-stat.js';
import { stopProcessGroup } from './stop-process-group.js';

export async function stopRecordedProcesses(store: Store): Promise<number> {
  const specs = new Map(store.apps.list().map((app) => [app.name, app.resource.spec as Partial<AppSpec>]));
  const live = store.instances.list().filter((row) => row.pid !== null && isSameProcess(row.pid, row.startTime));
  await Promise.all(
    live.map((row) => {
      const spec = specs.get(row.app);
      return stopProcessGroup({ pid: row.pid!, signal: spec?.stopSignal ?? 'SIGTERM', timeoutMs: spec?.stopTimeoutMs ?? 10_000 });
    }),
  );
  for (const row of store.instances.list()) {
    if (row.pid !== null) store.instances.update(row.app, row.index, { status: 'stopped', pid: null, startTime: null });
  }
  return live.length;
}
