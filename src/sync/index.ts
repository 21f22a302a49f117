/**
 * GitOps sync: a git repository as the source of desired state. Fetch with
 * the git CLI, validate the whole revision, write it atomically into
 * `<dir>/sync-<name>/`, prune only what this source wrote (its inventory).
 */
export { syncSource, type SyncResult, type SyncSourceOptions } from './sync-source.js';
export { startSyncLoop, type SyncLoop, type SyncLoopOptions } from './sync-loop.js';
export { readSyncStatus, toSyncStatus, type SyncStatus, type SyncCondition, type SyncRevisionStatus } from './read-sync-status.js';
export { formatSyncResult } from './format-sync.js';
export { requestSyncNow } from './sync-trigger.js';
export { deriveSourceName, validateSourceName } from './source-name.js';
export { resolveRepoLocation, normaliseRepoPath } from './repo-location.js';
export { SyncError } from './sync-error.js';
export type { SyncSourceSettings } from '../store/sync-table.js';
export { resolveSyncSettings, DEFAULT_SYNC_INTERVAL, type SyncRequest } from './sync-settings.js';
