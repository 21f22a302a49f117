/**
 * The controller's own log files (`controller.log`, and `controller.out.log`
 * for a detached controller's stdout/stderr) are opened for appending, 0600,
 * never through a symlink (berth never follows one inside its home), and
 * read-write so rotation can copy through the same descriptor.
 */
import { constants, fchmodSync, fstatSync, openSync } from 'node:fs';

const { O_RDWR, O_APPEND, O_CREAT, O_NOFOLLOW } = constants;

/** The controller logs this process opened: path → descriptor (for rotation). */
const opened = new Map<string, number>();

/** @example const fd = openControllerLog(path.join(home, 'logs', 'controller.log')); */
export function openControllerLog(file: string): number {
  const fd = openSync(file, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW, 0o600);
  // one an older berth created 0644
  if (fstatSync(fd).mode & 0o077) fchmodSync(fd, 0o600);
  opened.set(file, fd);
  return fd;
}

export function openedControllerLogs(): ReadonlyMap<string, number> {
  return opened;
}
