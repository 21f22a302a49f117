/**
 * `berth sync --now`, `--suspend`, `--resume`: flags for a sync loop that
 * runs elsewhere (another `berth sync`, or `berth up --git`), passed through
 * the store and the source's trigger file.
 */
import type { CommandContext } from '../command.js';
import { BerthError } from '../../errors.js';
import type { Store } from '../../store/store.js';
import { requestSyncNow } from '../../sync/sync-trigger.js';
import { sourceNotFound } from './sync-args.js';

/** Asks the loops of the named sources (every source when none is named) to sync at once. */
export async function requestSyncNowFor(store: Store, names: string[], ctx: CommandContext): Promise<number> {
  const known = store.sync.list().map((s) => s.name);
  if (known.length === 0) throw new BerthError('SYNC_FAILED', 'no sync sources yet; start one with `berth sync --repo URL`');
  for (const name of names) if (!known.includes(name)) throw sourceNotFound(name);
  for (const name of names.length > 0 ? names : known) {
    await requestSyncNow(ctx.home, name);
    ctx.out(`sync/${name} sync requested (a running \`berth sync\` loop starts it within a second)`);
  }
  return 0;
}

/** Flags a source suspended (its loop stops syncing) or resumed. */
export function setSourceSuspended(store: Store, name: string, suspended: boolean, ctx: CommandContext): number {
  if (!store.sync.setSuspended(name, suspended)) throw sourceNotFound(name);
  ctx.out(`sync/${name} ${suspended ? 'suspended' : 'resumed'}`);
  return 0;
}
