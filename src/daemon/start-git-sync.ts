/** `berth up --git`: a GitOps sync loop inside the controller, applying a repository's path into the watched directory. */
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';

export interface GitSyncOptions {
  repo: string;
  branch?: string;
  path?: string;
  interval?: string;
  /** Where relative repository paths resolve (the folder `berth up` ran in). */
  cwd: string;
}

export async function startGitSync({ repo, branch, path, interval, cwd, store, home, dir, logger, onApplied }: GitSyncOptions & { store: Store; home: string; dir: string; logger: Logger; onApplied: () => void }): Promise<{ stop(): Promise<void> }> {
  const { startSyncLoop, resolveSyncSettings, formatSyncResult } = await import('../sync/index.js');
  const source = resolveSyncSettings({ repo, branch, path, interval, dir }, cwd);
  return startSyncLoop({
    store,
    home,
    source,
    onResult: (result) => {
      for (const line of formatSyncResult(result, { onlyChanges: true })) logger.info({ sync: source.name }, line);
      onApplied();
    },
    onError: (err) => logger.warn({ sync: source.name }, err.message),
  });
}
