/**
 * Which pids can name a process created between two moments, told by the
 * kernel's pid allocator: it hands out pids in increasing order from a
 * cursor that wraps at pid_max, so a process created in between has a pid
 * the cursor went past, and every other pid still names the process it
 * named before (or none). When the cursor may have gone all the way round,
 * any pid may be new. Pure: the readings come from pid-allocator.ts.
 */

/** One reading of the allocator (pid-allocator.ts reads it from /proc). */
export interface PidAllocatorState {
  /** The pid handed out last in this pid namespace (/proc/loadavg, last field). */
  lastPid: number;
  /** Tasks, threads included, that exist now (/proc/loadavg, after the '/'). */
  tasks: number;
  /** Processes and threads created since boot, in every namespace (/proc/stat `processes`). */
  forks: number;
  /** /proc/sys/kernel/pid_max: the cursor wraps here. */
  pidMax: number;
}

/** The allocator wraps back to this pid (the kernel's RESERVED_PIDS), not to 1. */
const RESERVED_PIDS = 300;

/** The pids in (from, to], wrapping at pid_max when from > to (none when from = to). */
export interface NewPidRange {
  from: number;
  to: number;
}

/**
 * The pids that may be new since `before`, or 'any' when the readings
 * cannot tell (no earlier reading, pid_max changed, or enough forks for a
 * whole round of the cursor).
 *
 * A whole round passes pidMax − 300 pids; each one it passes is either handed
 * out (at most `forks` of them) or taken at that moment. A taken pid names a
 * task, or the group or session of one, so at most 3 per task that lived in
 * between (the tasks at the start plus at most `forks` new ones). No round is
 * possible while 4 × forks + 3 × tasks < pidMax − 300: with pid_max 32768 and
 * 1500 tasks, up to ~7000 forks between two readings.
 *
 * @example
 * const range = newPidsBetween(previous, now);
 * if (range === 'any' || isNewPid(range, pid)) readProcStat(pid);
 */
export function newPidsBetween(before: PidAllocatorState | undefined, after: PidAllocatorState): NewPidRange | 'any' {
  if (!before || before.pidMax !== after.pidMax) return 'any';
  const forks = after.forks - before.forks;
  const readings = [before.lastPid, before.tasks, after.lastPid, forks, after.pidMax];
  if (!readings.every(Number.isSafeInteger) || forks < 0) return 'any';
  if (4 * forks + 3 * before.tasks >= after.pidMax - RESERVED_PIDS) return 'any';
  return { from: before.lastPid, to: after.lastPid };
}

/** Whether `pid` lies in the range the cursor went through. */
export function isNewPid({ from, to }: NewPidRange, pid: number): boolean {
  return from <= to ? pid > from && pid <= to : pid > from || pid <= to;
}
