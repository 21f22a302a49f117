/**
 * Carries out a SyncPlan: writes first (atomically, so the watcher never
 * reads half a file), prunes last (a resource moving between files is never
 * briefly absent), and keeps the inventory in step after each step, so a
 * crash midway leaves a state the next sync finishes.
 */
import { rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../util/write-file-atomic.js';
import type { SyncTable } from '../store/sync-table.js';
import type { SyncPlan } from './plan-sync.js';

export interface ApplySyncPlanOptions {
  plan: SyncPlan;
  /** `<dir>/sync-<name>/` */
  target: string;
  source: string;
  table: SyncTable;
}

/** @example await applySyncPlan({ plan, target: '/srv/manifests/sync-infra', source: 'infra', table: store.sync }); */
export async function applySyncPlan({ plan, target, source, table }: ApplySyncPlanOptions): Promise<void> {
  const entries = new Map(plan.inventory.map((e) => [e.file, e]));
  for (const file of plan.writes) {
    await writeFileAtomic(path.join(target, file.file), file.content);
    table.putInventory(source, entries.get(file.file)!);
  }
  // Files adopted or unchanged may have new resource lists: record them too.
  for (const entry of plan.inventory) table.putInventory(source, entry);
  for (const file of plan.prunes) {
    await rm(path.join(target, file), { force: true });
    table.deleteInventory(source, file);
    await removeEmptyParents(path.dirname(path.join(target, file)), target);
  }
}

/** Folders the prune emptied go too (up to, not including, the target), so layouts from old revisions do not pile up. */
async function removeEmptyParents(dir: string, stop: string): Promise<void> {
  for (let current = dir; current.startsWith(stop + path.sep); current = path.dirname(current)) {
    try {
      await rmdir(current);
    } catch {
      return; // not empty (someone's own files), or already gone
    }
  }
}
