/**
 * The read model of `berth list`: one view per instance from the store's
 * rows and allocations, overlaid with live snapshots when a controller
 * supervises the instances. The CLI uses the same code with no live data
 * when the controller is down.
 */
import type { Store } from '../store/store.js';
import type { InstanceView } from '../api/api-types.js';
import type { InstanceSnapshot } from './controller-deps.js';
import { primaryPort } from '../ports/types.js';

export type LiveLookup = (app: string, index: number) => InstanceSnapshot | undefined;

export const noLiveData: LiveLookup = () => undefined;

/**
 * `isRunning`: without live data (controller down), whether a recorded
 * (pid, start time) still runs; a row whose process is gone shows stopped,
 * not the `online` it last recorded.
 */
export function instanceViews(store: Store, live: LiveLookup = noLiveData, now = Date.now(), app?: string, isRunning?: (pid: number, startTime: string | null) => boolean): InstanceView[] {
  const ports = store.allocations.heldByInstance(app);
  return store.instances.list(app).map((row) => {
    const snapshot = live(row.app, row.index);
    const held = ports.get(`${row.app}/${row.index}`) ?? { tcp: [], udp: [] };
    const gone = !snapshot && row.pid !== null && isRunning !== undefined && !isRunning(row.pid, row.startTime);
    const status = gone ? 'stopped' : snapshot?.status ?? row.status;
    const pid = snapshot ? snapshot.pid : row.pid;
    const startedAt = snapshot ? snapshot.startedAt : row.startedAt;
    const running = pid !== null && (status === 'online' || status === 'starting' || status === 'stopping');
    return {
      app: row.app,
      instance: row.index,
      status,
      pid: running ? pid : null,
      port: primaryPort(held) ?? null,
      ports: { tcp: held.tcp, udp: held.udp },
      cpu: snapshot?.cpu ?? null,
      memory: snapshot?.memory ?? null,
      uptime: running && startedAt !== null ? Math.max(0, now - startedAt) : null,
      restarts: snapshot?.restarts ?? row.restarts,
      specHash: row.specHash,
    };
  });
}
