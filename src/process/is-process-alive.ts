/**
 * Whether a PID names a process at all: kill(pid, 0) checks without
 * signalling. For "is it still the process we started", use proc-stat's
 * isSameProcess (start time); for a whole group, stop-process-group's
 * isGroupAlive.
 */

/** @example isProcessAlive(process.pid) === true */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
