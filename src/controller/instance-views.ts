/**
 * The read model of `berth list`: one view per instance from the store's
 * rows and allocations, overlaid with live snapshots when a controller
 * supervises the instances. The CLI uses the same code with no live data
 * when the controller is down.
 */
import type { Store } from '../store/store.js';
import type { InstanceView } from '../api/api-types.js';
import type { InstanceSnapshot } from './controller-deps.js';
import { primaryPort, type InstancePorts } from '../ports/types.js';
import type { InstanceRecord } from '../store/instances-table.js';
import { WAITING_FOR_DEPENDENCY } from './dependency-waits.js';

export type LiveLookup = (app: string, index: number) => InstanceSnapshot | undefined;

export const noLiveData: LiveLookup = () => undefined;

/** What the views are made of that comes from the store: read once, overlaid with live data as often as asked. */
export interface InstanceRecords {
  rows: InstanceRecord[];
  ports: Map<string, InstancePorts>;
  waits: Map<string, (index: number) => { reason: string; message: string } | undefined>;
}

/** The store's part of the views, of every app or of `app`. */
export function readInstanceRecords(store: Store, app?: string): InstanceRecords {
  return { ports: store.allocations.heldByInstance(app), waits: waitingInstances(store, app), rows: store.instances.list(app) };
}

/**
 * `isRunning`: without live data (controller down), whether a recorded
 * (pid, start time) still runs; a row whose process is gone shows stopped,
 * not the `online` it last recorded.
 */
export function instanceViews(store: Store, live: LiveLookup = noLiveData, now = Date.now(), app?: string, isRunning?: (pid: number, startTime: string | null) => boolean): InstanceView[] {
  return viewsOf(readInstanceRecords(store, app), live, now, isRunning);
}

/** The views from records read before (they are not changed: each view gets its own port lists). */
export function viewsOf({ rows, ports, waits }: InstanceRecords, live: LiveLookup = noLiveData, now = Date.now(), isRunning?: (pid: number, startTime: string | null) => boolean): InstanceView[] {
  return rows.map((row) => {
    const snapshot = live(row.app, row.index);
    const held = ports.get(`${row.app}/${row.index}`) ?? { tcp: [], udp: [] };
    const gone = !snapshot && row.pid !== null && isRunning !== undefined && !isRunning(row.pid, row.startTime);
    const status = gone ? 'stopped' : snapshot?.status ?? row.status;
    const pid = snapshot ? snapshot.pid : row.pid;
    const startedAt = snapshot ? snapshot.startedAt : row.startedAt;
    const running = pid !== null && (status === 'online' || status === 'starting' || status === 'stopping');
    // An instance that does not run while its app waits for a dependency is pending for that reason (as a Pod is).
    const wait = !running && (status === 'pending' || status === 'stopped') ? waits.get(row.app)?.(row.index) : undefined;
    return {
      app: row.app,
      instance: row.index,
      status: wait ? 'pending' : status,
      ...wait,
      pid: running ? pid : null,
      port: primaryPort(held) ?? null,
      ports: { tcp: [...held.tcp], udp: [...held.udp] },
      cpu: snapshot?.cpu ?? null,
      memory: snapshot?.memory ?? null,
      uptime: running && startedAt !== null ? Math.max(0, now - startedAt) : null,
      restarts: snapshot?.restarts ?? row.restarts,
      specHash: row.specHash,
    };
  });
}

/** Per app that waits for a dependency (its Progressing condition): which instances wait, and why. */
function waitingInstances(store: Store, app?: string): Map<string, (index: number) => { reason: string; message: string } | undefined> {
  const waits = new Map<string, (index: number) => { reason: string; message: string } | undefined>();
  for (const record of app === undefined ? store.apps.list() : [store.apps.get(app)].filter((r) => r !== undefined)) {
    const progressing = record.conditions.find((c) => c.type === 'Progressing');
    if (record.desiredState === 'stopped' || progressing?.reason !== WAITING_FOR_DEPENDENCY) continue;
    const held = new Set(store.instanceStops.list(record.name));
    const wait = { reason: progressing.reason, message: progressing.message };
    waits.set(record.name, (index) => (held.has(index) ? undefined : wait));
  }
  return waits;
}
