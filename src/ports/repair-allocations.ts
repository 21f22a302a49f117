/**
 * The repair pass the controller runs at start (and may run periodically):
 * rows whose app or claim no longer exists are freed — a controller killed
 * between deleting an app and releasing its ports would otherwise leak them.
 * Block rows outside the current pool (the pool option changed) are only
 * reported: their owner may be running on them, so moving them is the
 * owner's re-request, not a repair. Manual rows belong to whoever made them
 * with `berth ports allocate` and are never touched.
 */
import type { Store } from '../store/store.js';
import type { Allocation, PortRange } from './types.js';

export interface RepairOptions {
  knownApps: Iterable<string>;
  knownClaims: Iterable<string>;
  pool: PortRange;
}

export interface RepairReport {
  /** Rows deleted because their owner is gone. */
  freed: Allocation[];
  /** Block rows outside the pool, kept. */
  outOfPool: Allocation[];
}

/**
 * @example
 * const report = repairAllocations(store, { knownApps: ['web'], knownClaims: [], pool: DEFAULT_PORT_POOL });
 * for (const row of report.freed) log.info(row, 'freed orphaned port');
 */
export function repairAllocations(store: Store, { knownApps, knownClaims, pool }: RepairOptions): RepairReport {
  const apps = new Set(knownApps);
  const claims = new Set(knownClaims);
  return store.transaction(() => {
    const rows = store.allocations.list();
    const freed = rows.filter((r) => (r.ownerKind === 'app' && !apps.has(r.owner)) || (r.ownerKind === 'claim' && !claims.has(r.owner)));
    store.allocations.deleteRows(freed);
    const freedSet = new Set(freed);
    const outOfPool = rows.filter((r) => !freedSet.has(r) && r.role === 'block' && (r.port < pool.start || r.port > pool.end));
    return { freed, outOfPool };
  });
}
