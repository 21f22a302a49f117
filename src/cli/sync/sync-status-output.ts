/** `berth sync status [NAME...] [-o json]`: every source's repository, revisions, readiness and last error. */
import type { CommandContext } from '../command.js';
import { formatTable } from '../format/table.js';
import { formatAge } from '../format/human.js';
import { UsageError } from '../../errors.js';
import type { Store } from '../../store/store.js';
import { readSyncStatus, type SyncStatus } from '../../sync/read-sync-status.js';
import { sourceNotFound } from './sync-args.js';

/** @example formatSyncStatus(readSyncStatus(store)) // 'NAME   REPO        BRANCH ...\ninfra  /src/infra  main ...' */
export function formatSyncStatus(statuses: SyncStatus[], now = Date.now()): string {
  if (statuses.length === 0) return 'No sync sources. Start one with `berth sync --repo URL`.';
  const rows = statuses.map((s) => [
    s.name,
    s.repo,
    s.branch ?? '-',
    s.path || '.',
    s.lastFetched ? `${s.lastFetched.shortRev} (${formatAge(s.lastFetched.at, now)})` : '-',
    s.lastApplied ? `${s.lastApplied.shortRev} "${s.lastApplied.subject}" (${formatAge(s.lastApplied.at, now)})` : '-',
    s.conditions[0]!.status,
    s.suspended ? 'yes' : 'no',
  ]);
  const table = formatTable(['NAME', 'REPO', 'BRANCH', 'PATH', 'FETCHED', 'APPLIED', 'READY', 'SUSPENDED'], rows);
  const errors = statuses.filter((s) => s.lastError).map((s) => `  ${s.name}: ${s.lastError!.message}`);
  return errors.length > 0 ? `${table}\n\nErrors:\n${errors.join('\n')}` : table;
}

/** Prints the named sources (every source when none is named); an unknown name is an error. */
export function showSyncStatus(store: Store, names: string[], output: string | undefined, ctx: CommandContext): number {
  if (output !== undefined && output !== 'json') throw new UsageError(`-o: unsupported output "${output}" (expected json)`);
  let statuses = readSyncStatus(store);
  if (names.length > 0) {
    for (const name of names) if (!statuses.some((s) => s.name === name)) throw sourceNotFound(name);
    statuses = statuses.filter((s) => names.includes(s.name));
  }
  ctx.out(output === 'json' ? JSON.stringify(statuses, null, 2) : formatSyncStatus(statuses));
  return 0;
}
