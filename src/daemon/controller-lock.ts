/**
 * One controller per home (SPEC "Ownership"): the controller holds an
 * exclusive kernel lock on `<home>/controller.lock` for its whole life
 * (util/file-lock.ts). A second `berth up` is refused and names the holder;
 * a stopped (SIGSTOP) controller still holds the home; a dead one never does.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { BerthError } from '../errors.js';
import { lockFile, lockHolder, tryLockFile, type FileLock } from '../util/file-lock.js';

export function controllerLockPath(home: string): string {
  return path.join(home, 'controller.lock');
}

export class ControllerRunningError extends BerthError {
  constructor(home: string, readonly pid: number | undefined) {
    super('CONTROLLER_RUNNING', `a controller is already running for ${home} (pid ${pid ?? 'unknown'})`);
  }
}

/**
 * Takes the home for this process, or throws ControllerRunningError. Waits
 * a moment first: a CLI that could not read /proc/locks probes by taking
 * the lock for an instant, and that must not read as a running controller.
 */
export async function acquireControllerLock(home: string, { waitMs = 1_000 }: { waitMs?: number } = {}): Promise<FileLock> {
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const file = controllerLockPath(home);
  const lock = await lockFile(file, { waitMs });
  if (!lock) throw new ControllerRunningError(home, lockHolder(file) ?? undefined);
  return lock;
}

/**
 * Whether a controller holds the home, and its pid when the kernel says it.
 * @example const holder = controllerHolding(home); if (holder.running) ...
 */
export function controllerHolding(home: string): { running: boolean; pid?: number } {
  const file = controllerLockPath(home);
  if (!existsSync(file)) return { running: false };
  const pid = lockHolder(file);
  if (pid !== null && pid !== undefined) return { running: true, pid };
  if (pid === null) return { running: false };
  // /proc/locks unreadable: ask the lock itself (holding it for an instant; acquireControllerLock waits that out).
  const probe = tryLockFile(file);
  if (!probe) return { running: true };
  probe.release();
  return { running: false };
}
