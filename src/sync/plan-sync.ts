/**
 * Decides what one sync does, from plain data: the revision's files, the
 * inventory of what this source wrote before, and what is on disk now. Pure,
 * so the rules (prune only our own files, self-heal, never overwrite a file
 * we did not write) are tested in memory.
 */
import type { InventoryEntry } from '../store/sync-table.js';
import type { ResourceDigest, ValidatedFile } from './validate-revision.js';

export type ResourceAction = 'created' | 'configured' | 'unchanged' | 'pruned';

export interface DiskFile {
  sha256: string;
  /** What the file declares now; [] when it does not parse. */
  resources: ResourceDigest[];
}

export interface PlanInput {
  desired: ValidatedFile[];
  inventory: Map<string, InventoryEntry>;
  /** Files under the source's folder, by relative path, for every desired or inventoried file; absent = missing. */
  disk: Map<string, DiskFile>;
  selfHeal: boolean;
}

export interface SyncPlan {
  /** Files to write (new, changed in the repo, or drifted with self-heal on). */
  writes: ValidatedFile[];
  /** Inventoried files the revision no longer has. */
  prunes: string[];
  /** The inventory once the plan is applied. */
  inventory: InventoryEntry[];
  /** Per resource, in the revision's order, then the pruned ones. */
  actions: { key: string; action: ResourceAction }[];
  /** Edited or deleted by hand and left so (self-heal off). */
  driftKept: string[];
  /** Files in the way that this source never wrote: the sync must not proceed. */
  conflicts: string[];
}

/**
 * @example
 * const plan = planSync({ desired, inventory: store.sync.inventory('infra'), disk, selfHeal: true });
 * plan.actions // [{ key: 'app/web', action: 'configured' }, { key: 'app/old', action: 'pruned' }]
 */
export function planSync({ desired, inventory, disk, selfHeal }: PlanInput): SyncPlan {
  const plan: SyncPlan = { writes: [], prunes: [], inventory: [], actions: [], driftKept: [], conflicts: [] };
  // What our own files declare now, across files, so a resource moved from one file to another is "configured" or "unchanged", not "created" + "pruned".
  const before = new Map<string, string>();
  const addBefore = (resources: ResourceDigest[]) => resources.forEach((r) => before.set(r.key, r.canonical));
  const after = new Set<string>();

  for (const file of desired) {
    const owned = inventory.get(file.file);
    const onDisk = disk.get(file.file);
    if (!owned && onDisk && onDisk.sha256 !== file.sha256) {
      plan.conflicts.push(file.file);
      continue;
    }
    const differs = !onDisk || onDisk.sha256 !== file.sha256;
    // Without self-heal, a file the repo did not change since we wrote it keeps its hand edits.
    if (differs && !selfHeal && owned && owned.sha256 === file.sha256) {
      plan.driftKept.push(file.file);
      plan.inventory.push(owned);
      continue;
    }
    if (onDisk) addBefore(onDisk.resources);
    if (differs) plan.writes.push(file);
    plan.inventory.push({ file: file.file, sha256: file.sha256, resources: file.resources.map((r) => r.key) });
  }

  for (const [file, entry] of inventory) {
    if (desired.some((d) => d.file === file)) continue;
    plan.prunes.push(file);
    const onDisk = disk.get(file);
    if (onDisk && onDisk.resources.length > 0) addBefore(onDisk.resources);
    else entry.resources.forEach((key) => before.set(key, ''));
  }

  for (const file of desired) {
    if (plan.conflicts.includes(file.file)) continue;
    const kept = plan.driftKept.includes(file.file);
    for (const r of file.resources) {
      after.add(r.key);
      const previous = kept ? r.canonical : before.get(r.key);
      plan.actions.push({ key: r.key, action: previous === undefined ? 'created' : previous === r.canonical ? 'unchanged' : 'configured' });
    }
  }
  for (const key of [...before.keys()].sort()) {
    if (!after.has(key)) plan.actions.push({ key, action: 'pruned' });
  }
  return plan;
}
