/**
 * Where a sync source keeps things: its git cache and trigger file under
 * `<home>/sync/<name>/`, its manifests under `<dir>/sync-<name>/`. Names are
 * validated DNS-1123 labels, so these joins never leave home or dir.
 */
import path from 'node:path';

/** @example syncHome('/srv/.berth', 'infra') === '/srv/.berth/sync/infra' */
export function syncHome(home: string, name: string): string {
  return path.join(home, 'sync', name);
}

/** The bare git repository that caches the source's objects. */
export function gitCacheDir(home: string, name: string): string {
  return path.join(syncHome(home, name), 'repo.git');
}

/** Touched by `berth sync --now NAME`; a running loop polls for it. */
export function triggerFile(home: string, name: string): string {
  return path.join(syncHome(home, name), 'trigger');
}

/** @example targetDir('/srv/manifests', 'infra') === '/srv/manifests/sync-infra' */
export function targetDir(dir: string, name: string): string {
  return path.join(dir, `sync-${name}`);
}
