/**
 * What the dashboard shows, as plain data: the controller, apps with desired
 * vs ready, every instance, the port allocations and pool, invalid
 * manifests. One builder serves the live feed and `GET /api/state`.
 */
import type { ControllerStatus, InstanceView } from '../api/api-types.js';
import type { Store } from '../store/store.js';
import type { Allocation } from '../store/port-allocations-table.js';
import { summariseApps, type AppSummary } from '../metrics/app-summaries.js';
import type { MetricsSource } from '../metrics/gather-metrics.js';

/** What the dashboard reads from the controller: the metrics' view of it. */
export type DashboardSource = MetricsSource;

export interface DashboardState {
  controller: ControllerStatus & { portPool: string | null };
  apps: AppSummary[];
  instances: InstanceView[];
  allocations: Allocation[];
  manifestErrors: string[];
}

export function buildDashboardState(source: DashboardSource, store: Store, instances: InstanceView[]): DashboardState {
  return {
    controller: { ...source.status(), portPool: store.meta.get('port_pool') ?? null },
    apps: summariseApps(store, instances),
    instances,
    allocations: store.allocations.list(),
    manifestErrors: source.manifestErrors(),
  };
}
