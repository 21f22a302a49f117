/**
 * A sync result as lines, shared by `berth sync` and anyone logging a sync
 * (the controller): kubectl apply's per-resource lines under a
 * `synced <sha> "<subject>"` header.
 */
import { shortRev } from './sync-error.js';
import type { SyncResult } from './sync-source.js';

/**
 * @param onlyChanges leave out `unchanged` lines (a loop's quiet intervals)
 * @example formatSyncResult(result) // ['synced 3f2a1b0 "scale web"', 'app/web configured', 'app/old pruned']
 */
export function formatSyncResult(result: SyncResult, { onlyChanges = false }: { onlyChanges?: boolean } = {}): string[] {
  const lines = [`synced ${shortRev(result.rev)} "${result.subject}"`];
  for (const { key, action } of result.actions) {
    if (!onlyChanges || action !== 'unchanged') lines.push(`${key} ${action}`);
  }
  for (const file of result.driftKept) lines.push(`sync-${result.name}/${file} differs from the repository; left as edited (self-heal is off)`);
  return lines;
}
