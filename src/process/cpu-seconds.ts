/**
 * CPU time an instance has used so far (user + system), for the
 * `berth_instance_cpu_seconds_total` counter: its whole process group, as
 * systemd accounts a unit, so work done by children under `sh -c` counts.
 * Read at scrape time from one /proc scan, so it costs nothing unless
 * something asks.
 */
import { CLOCK_TICKS_PER_SECOND, listProcesses, readProcStat, type ProcStat } from './proc-stat.js';

/** CPU seconds of a recorded group leader: undefined when it is gone, a zombie, or another process now (a reused PID). */
export type CpuSecondsOf = (pid: number, startTime: string | null) => number | undefined;

/**
 * From one /proc scan: per process group, every member's own CPU plus what
 * it has reaped from its children, so the total only grows as members come
 * and go (a child's time moves into its parent's when it is waited for).
 *
 * @example const cpuOf = groupCpuSeconds(); cpuOf(leaderPid, recordedStartTime) // 12.34
 */
export function groupCpuSeconds(stats: readonly ProcStat[] = listProcesses()): CpuSecondsOf {
  const ticksByGroup = new Map<number, number>();
  const leaders = new Map<number, ProcStat>();
  for (const stat of stats) {
    ticksByGroup.set(stat.pgrp, (ticksByGroup.get(stat.pgrp) ?? 0) + stat.cpuTicks + stat.reapedChildTicks);
    if (stat.pid === stat.pgrp) leaders.set(stat.pid, stat);
  }
  return (pid, startTime) => {
    const leader = leaders.get(pid);
    if (!leader || leader.state === 'Z' || (startTime !== null && leader.startTime !== startTime)) return undefined;
    return (ticksByGroup.get(pid) ?? 0) / CLOCK_TICKS_PER_SECOND;
  };
}

/**
 * CPU seconds of one process alone (`pid`), or undefined when it is gone, a
 * zombie, or no longer the process recorded with `startTime`.
 *
 * @example readCpuSeconds(process.pid, null) // 0.42
 */
export function readCpuSeconds(pid: number, startTime: string | null): number | undefined {
  const stat = readProcStat(pid);
  if (!stat || stat.state === 'Z' || (startTime !== null && stat.startTime !== startTime)) return undefined;
  return stat.cpuTicks / CLOCK_TICKS_PER_SECOND;
}
