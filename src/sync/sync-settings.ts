/**
 * Turns what a user typed (`berth sync --repo ../infra --interval 30s`, or
 * `berth up --git URL`) into validated SyncSourceSettings: the repo made
 * absolute when it is a path, the name derived or checked, the interval in ms.
 */
import path from 'node:path';
import { UsageError } from '../errors.js';
import { parseDuration } from '../manifest/duration.js';
import type { SyncSourceSettings } from '../store/sync-table.js';
import { normaliseRepoPath, resolveRepoLocation } from './repo-location.js';
import { deriveSourceName, validateSourceName } from './source-name.js';

export interface SyncRequest {
  repo: string;
  name?: string;
  branch?: string;
  path?: string;
  /** The watched directory; default ./manifests. */
  dir?: string;
  /** "30s", "5m"; default 30s. */
  interval?: string;
  selfHeal?: boolean;
  allowEmpty?: boolean;
}

export const DEFAULT_SYNC_INTERVAL = '30s';
const MIN_INTERVAL_MS = 1000;

/**
 * @example resolveSyncSettings({ repo: '../infra.git', interval: '1m' }, '/srv/app')
 *   // { name: 'infra', repo: '/srv/infra.git', branch: null, path: '', dir: '/srv/app/manifests', intervalMs: 60000, selfHeal: true, allowEmpty: false }
 */
export function resolveSyncSettings(request: SyncRequest, cwd: string): SyncSourceSettings {
  const repo = resolveRepoLocation(request.repo, cwd);
  let intervalMs: number;
  try {
    intervalMs = parseDuration(request.interval ?? DEFAULT_SYNC_INTERVAL);
  } catch {
    throw new UsageError(`--interval: invalid duration "${request.interval}" (expected e.g. 30s, 5m, 1h)`);
  }
  if (intervalMs < MIN_INTERVAL_MS) throw new UsageError(`--interval: ${request.interval} is too short (at least 1s)`);
  if (request.branch !== undefined && (request.branch === '' || request.branch.startsWith('-'))) throw new UsageError(`--branch: "${request.branch}" is not a branch name`);
  return {
    name: request.name !== undefined ? validateSourceName(request.name) : deriveSourceName(repo),
    repo,
    branch: request.branch ?? null,
    path: normaliseRepoPath(request.path ?? ''),
    dir: path.resolve(cwd, request.dir ?? 'manifests'),
    intervalMs,
    selfHeal: request.selfHeal ?? true,
    allowEmpty: request.allowEmpty ?? false,
  };
}
