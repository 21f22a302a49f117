/**
 * `berth sync --repo URL`: syncs in this process, once (--once) or in a
 * foreground loop until Ctrl-C or SIGTERM.
 */
import type { CommandContext } from '../command.js';
import { waitForSignal } from '../wait-for-signal.js';
import type { Store } from '../../store/store.js';
import { formatSyncResult } from '../../sync/format-sync.js';
import { SyncError } from '../../sync/sync-error.js';
import { DEFAULT_SYNC_INTERVAL } from '../../sync/sync-settings.js';
import { startSyncLoop } from '../../sync/sync-loop.js';
import { syncSource } from '../../sync/sync-source.js';
import { syncSettingsFrom, type SyncValues } from './sync-args.js';

function printErrorDetails(err: unknown, ctx: CommandContext): void {
  if (err instanceof SyncError && err.details.length > 1) for (const detail of err.details) ctx.err(`  ${detail}`);
}

/** One sync of the source (recorded first, so status and a later loop know it); a suspended source is left alone. */
export async function syncOnce(store: Store, values: SyncValues, ctx: CommandContext): Promise<number> {
  const settings = syncSettingsFrom(values, ctx, store);
  store.sync.upsertSource(settings);
  if (store.sync.get(settings.name)?.suspended) {
    ctx.out(`sync/${settings.name} is suspended; nothing done (\`berth sync --resume ${settings.name}\`)`);
    return 0;
  }
  try {
    const result = await syncSource({ store, home: ctx.home, name: settings.name });
    for (const line of formatSyncResult(result)) ctx.out(line);
    return 0;
  } catch (err) {
    printErrorDetails(err, ctx);
    throw err;
  }
}

/** Foreground loop until SIGINT/SIGTERM, printing what changes and each new error once. */
export async function runSyncLoop(store: Store, values: SyncValues, ctx: CommandContext): Promise<number> {
  const settings = syncSettingsFrom(values, ctx, store);
  let first = true;
  let lastRev: string | undefined;
  let lastError: string | undefined;
  const loop = startSyncLoop({
    store,
    home: ctx.home,
    source: settings,
    onResult: (result) => {
      const lines = formatSyncResult(result, { onlyChanges: !first });
      if (first || result.changed || result.rev !== lastRev || lastError !== undefined) for (const line of lines) ctx.out(line);
      first = false;
      lastRev = result.rev;
      lastError = undefined;
    },
    onError: (error) => {
      if (error.message === lastError) return;
      lastError = error.message;
      printErrorDetails(error, ctx);
      ctx.err(error.toCliLine());
    },
    onSuspendChange: (suspended) => ctx.out(`sync/${settings.name} ${suspended ? 'suspended; not syncing until resumed' : 'resumed'}`),
  });
  ctx.out(`syncing ${settings.repo} into ${settings.dir}/sync-${settings.name}/ every ${values.interval ?? DEFAULT_SYNC_INTERVAL} (Ctrl-C to stop; \`berth sync --now ${settings.name}\` to sync at once)`);
  await waitForSignal();
  await loop.stop();
  return 0;
}
