/**
 * What the dashboard shows, as plain data: the controller, apps with desired
 * vs ready, every instance, the port allocations and pool, invalid
 * manifests. What comes from the store is read again only when the store
 * changed (Store.version()), as is the instance list it is given
 * (Controller.listInstances): an idle controller with a browser open asks
 * SQLite only for the store's version each second.
 */
import path from 'node:path';
import type { ControllerStatus, InstanceView } from '../api/api-types.js';
import type { Store } from '../store/store.js';
import type { Allocation } from '../store/port-allocations-table.js';
import { readAppRecords, summariseApps, type AppRecordCount, type AppReadiness } from '../metrics/app-summaries.js';
import type { MetricsSource } from '../metrics/gather-metrics.js';
import { memoByStoreVersion } from '../store/version-memo.js';

/** What the dashboard reads from the controller: the metrics' view of it. */
export type DashboardSource = MetricsSource;

export interface DashboardState {
  controller: ControllerStatus & { portPool: string | null };
  apps: AppReadiness[];
  instances: InstanceView[];
  allocations: Allocation[];
  manifestErrors: string[];
}

interface StoredParts {
  records: AppRecordCount[];
  allocations: Allocation[];
  portPool: string | null;
}

/**
 * @example
 * const reader = new DashboardStateReader(controller, store);
 * reader.read(await controller.listInstances()).apps // [{ name: 'web', desired: 2, ready: 2, ... }]
 */
export class DashboardStateReader {
  private readonly storedParts: () => StoredParts;

  constructor(private readonly source: DashboardSource, store: Store) {
    this.storedParts = memoByStoreVersion(store, () => ({ records: readAppRecords(store), allocations: store.allocations.list(), portPool: store.meta.get('port_pool') ?? null }));
  }

  read(instances: InstanceView[]): DashboardState {
    const stored = this.storedParts();
    const status = this.source.status();
    return {
      controller: { ...status, portPool: stored.portPool },
      // Sources are relative to the controller's working directory; the page shows them inside the watched one.
      apps: summariseApps(stored.records, instances).map((app) => ({ ...app, source: path.relative(status.dir, path.resolve(app.source)) })),
      instances,
      // The same array while the store is unchanged: the feed skips serialising it.
      allocations: stored.allocations,
      manifestErrors: this.source.manifestErrors(),
    };
  }
}
