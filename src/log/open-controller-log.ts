/**
 * The controller's own log files (`controller.log`, and `controller.out.log`
 * for a detached controller's stdout/stderr) are opened for appending, 0600,
 * never through a symlink (berth never follows one inside its home).
 */
import { constants, fchmodSync, fstatSync, openSync } from 'node:fs';

const { O_WRONLY, O_APPEND, O_CREAT, O_NOFOLLOW } = constants;

/** @example const fd = openControllerLog(path.join(home, 'logs', 'controller.log')); */
export function openControllerLog(file: string): number {
  const fd = openSync(file, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW, 0o600);
  // one an older berth created 0644
  if (fstatSync(fd).mode & 0o077) fchmodSync(fd, 0o600);
  return fd;
}
