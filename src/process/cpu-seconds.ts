/**
 * CPU time a process has used so far (user + system), for the
 * `berth_instance_cpu_seconds_total` counter. Read at scrape time from the
 * same /proc/<pid>/stat line the sweep reads, so it costs nothing unless
 * something asks.
 */
import { CLOCK_TICKS_PER_SECOND, readProcStat } from './proc-stat.js';

/**
 * Seconds of CPU used by `pid`, or undefined when it is gone, a zombie, or no
 * longer the process recorded with `startTime` (a reused PID).
 *
 * @example readCpuSeconds(process.pid, null) // 0.42
 */
export function readCpuSeconds(pid: number, startTime: string | null): number | undefined {
  const stat = readProcStat(pid);
  if (!stat || stat.state === 'Z' || (startTime !== null && stat.startTime !== startTime)) return undefined;
  return stat.cpuTicks / CLOCK_TICKS_PER_SECOND;
}
