/**
 * Reads the kernel's pid allocator (new-pids.ts says what a reading tells):
 * the last pid handed out and the task count from /proc/loadavg, the forks
 * since boot from /proc/stat, and pid_max. Three small reads per look for
 * group members.
 */
import { readFileSync, readlinkSync } from 'node:fs';
import type { PidAllocatorState } from './new-pids.js';

let sameNamespace: boolean | undefined;

/**
 * The allocator now, or undefined when it cannot be read or /proc belongs to
 * another pid namespace than this process (the last pid in /proc/loadavg is
 * the reader's namespace's, the pids listed are the mount's).
 *
 * @example const state = readPidAllocator(); // { lastPid: 27345, tasks: 412, forks: 912003, pidMax: 32768 }
 */
export function readPidAllocator(): PidAllocatorState | undefined {
  try {
    sameNamespace ??= readlinkSync('/proc/self') === String(process.pid);
    if (!sameNamespace) return undefined;
    // "0.00 0.01 0.05 1/187 27345"
    const load = readFileSync('/proc/loadavg', 'latin1').trim().split(/\s+/);
    const tasks = Number(load[3]?.split('/')[1]);
    const lastPid = Number(load[4]);
    const forks = Number(/^processes (\d+)$/m.exec(readFileSync('/proc/stat', 'latin1'))?.[1]);
    const pidMax = Number(readFileSync('/proc/sys/kernel/pid_max', 'latin1').trim());
    return [tasks, lastPid, forks, pidMax].every(Number.isSafeInteger) ? { lastPid, tasks, forks, pidMax } : undefined;
  } catch {
    return undefined;
  }
}
