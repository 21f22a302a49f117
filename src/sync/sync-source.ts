/**
 * One sync of one source, start to end: fetch, read the revision, validate
 * all of it, plan against the inventory and the disk, write and prune,
 * record status. Any failure leaves the watched directory as it was (the
 * last good revision keeps running) and is recorded as the source's error.
 */
import { BerthError } from '../errors.js';
import type { Store } from '../store/store.js';
import { applySyncPlan } from './apply-sync-plan.js';
import { readDiskState } from './disk-state.js';
import { fetchRevision } from './fetch-revision.js';
import { planSync, type ResourceAction } from './plan-sync.js';
import { readRevisionFiles } from './read-revision-files.js';
import { SyncError, shortRev } from './sync-error.js';
import { gitCacheDir, targetDir } from './sync-paths.js';
import { validateRevision } from './validate-revision.js';

export interface SyncSourceOptions {
  store: Store;
  home: string;
  /** A source already recorded with store.sync.upsertSource. */
  name: string;
  signal?: AbortSignal;
}

export interface SyncResult {
  name: string;
  rev: string;
  subject: string;
  branch: string;
  actions: { key: string; action: ResourceAction }[];
  /** Files (relative to `<dir>/sync-<name>/`) left with hand edits because self-heal is off. */
  driftKept: string[];
  /** True when a file was written or removed. */
  changed: boolean;
}

/**
 * @example
 * store.sync.upsertSource({ name: 'infra', repo: '/src/infra', branch: null, path: 'deploy', dir: '/srv/manifests', intervalMs: 30_000, selfHeal: true, allowEmpty: false });
 * const result = await syncSource({ store, home: '/srv/.berth', name: 'infra' });
 * @throws SyncError (recorded as the source's last_error too)
 */
export async function syncSource({ store, home, name, signal }: SyncSourceOptions): Promise<SyncResult> {
  const source = store.sync.get(name);
  if (!source) throw new SyncError(`no sync source named "${name}"`);
  try {
    const cacheDir = gitCacheDir(home, name);
    const fetched = await fetchRevision({ repo: source.repo, branch: source.branch, cacheDir, signal });
    store.sync.recordFetched(name, fetched);
    const at = `${shortRev(fetched.rev)} "${fetched.subject}"`;
    const target = targetDir(source.dir, name);
    const revisionFiles = await readRevisionFiles({ cacheDir, rev: fetched.rev, path: source.path, signal });
    const { files, errors } = validateRevision(revisionFiles, target);
    if (errors.length > 0) {
      const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
      const details = errors.map((e) => e.message);
      throw new SyncError(`revision ${at} not applied: ${details[0]}${more}`, { details, rev: fetched.rev, fullMessage: `revision ${at} not applied: ${details.join('; ')}` });
    }
    const inventory = store.sync.inventory(name);
    if (files.length === 0 && !source.allowEmpty) {
      const where = source.path ? `path "${source.path}"` : 'the repository';
      const refusal = inventory.size > 0 ? `; refusing to prune the ${inventory.size} file(s) synced earlier` : '';
      throw new SyncError(`${where} has no manifests at revision ${at}${refusal} (pass --allow-empty to allow an empty sync)`, { rev: fetched.rev });
    }
    const disk = await readDiskState(target, [...files.map((f) => f.file), ...inventory.keys()]);
    const plan = planSync({ desired: files, inventory, disk, selfHeal: source.selfHeal });
    if (plan.conflicts.length > 0) {
      const list = plan.conflicts.map((f) => `sync-${name}/${f}`).join(', ');
      throw new SyncError(`revision ${at} not applied: ${list} already exist(s) and was not written by this sync; move it out of sync-${name}/`, { rev: fetched.rev });
    }
    await applySyncPlan({ plan, target, source: name, table: store.sync });
    store.sync.recordApplied(name, fetched);
    return {
      name,
      rev: fetched.rev,
      subject: fetched.subject,
      branch: fetched.branch,
      actions: plan.actions,
      driftKept: plan.driftKept,
      changed: plan.writes.length > 0 || plan.prunes.length > 0,
    };
  } catch (err) {
    const error = err instanceof BerthError ? err : new SyncError(err instanceof Error ? err.message : String(err), { cause: err });
    // Stopping the loop mid-fetch is not a failure of the source.
    if ((err as Error).name !== 'AbortError') store.sync.recordError(name, error instanceof SyncError ? error.fullMessage : error.message);
    throw error;
  }
}
