/**
 * One controller per home (SPEC "Ownership"): the controller holds an
 * exclusive kernel lock on `<home>/controller.lock` for its whole life
 * (util/file-lock.ts). A second `berth up` is refused and names the holder;
 * a stopped (SIGSTOP) controller still holds the home; a dead one never does.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { BerthError } from '../errors.js';
import { lockHolder, tryLockFile, type FileLock } from '../util/file-lock.js';

export function controllerLockPath(home: string): string {
  return path.join(home, 'controller.lock');
}

export class ControllerRunningError extends BerthError {
  constructor(home: string, readonly pid: number | undefined) {
    super('CONTROLLER_RUNNING', `a controller is already running for ${home} (pid ${pid ?? 'unknown'})`);
  }
}

/** Takes the home for this process, or throws ControllerRunningError. */
export function acquireControllerLock(home: string): FileLock {
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const file = controllerLockPath(home);
  const lock = tryLockFile(file);
  if (!lock) throw new ControllerRunningError(home, lockHolder(file));
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
  if (pid !== undefined) return { running: true, pid };
  // /proc/locks unreadable or another pid namespace: ask the lock itself.
  const probe = tryLockFile(file);
  if (!probe) return { running: true };
  probe.release();
  return { running: false };
}
