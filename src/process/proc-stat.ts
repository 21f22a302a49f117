/**
 * Reads /proc/<pid>/stat: liveness, process group and start time. A process
 * is identified by (pid, start time), so a PID the kernel reused for another
 * program is never mistaken for one of ours.
 */
import { closeSync, openSync, readSync, readdirSync } from 'node:fs';

/** USER_HZ: the unit of /proc's CPU times, 100 on every Linux ABI. */
export const CLOCK_TICKS_PER_SECOND = 100;

// One buffer reused by every read: a stat line is ~300 bytes (comm is at most 64).
const buffer = Buffer.alloc(4096);

export interface ProcStat {
  pid: number;
  /** One letter: R running, S sleeping, Z zombie, … (proc(5)). */
  state: string;
  ppid: number;
  pgrp: number;
  /** Field 22, clock ticks since boot, kept as a string (it is an opaque identity). */
  startTime: string;
  /** utime + stime (fields 14 and 15), in clock ticks: CPU used so far. */
  cpuTicks: number;
  /** Field 24, resident set size in pages. */
  rssPages: number;
}

/**
 * Parses the text of /proc/<pid>/stat. The command name (field 2) may hold
 * spaces and parentheses, so fields are counted after the LAST ')'.
 *
 * @example parseProcStat('42 (node) S 1 42 42 0 -1 …').pgrp // 42
 */
export function parseProcStat(text: string): ProcStat | undefined {
  const close = text.lastIndexOf(')');
  if (close < 0) return undefined;
  const pid = Number.parseInt(text, 10);
  // After ") " comes field 3 (state); field 22 is index 19 of the rest.
  const rest = text.slice(close + 2).split(' ');
  const startTime = rest[19];
  if (!Number.isInteger(pid) || startTime === undefined) return undefined;
  return {
    pid,
    state: rest[0] ?? '?',
    ppid: Number(rest[1]),
    pgrp: Number(rest[2]),
    startTime,
    cpuTicks: Number(rest[11]) + Number(rest[12]),
    rssPages: Number(rest[21]),
  };
}

/**
 * The stat of a live process, or undefined when it is gone. Synchronous on
 * purpose: procfs reads never block on disk and cost microseconds, which keeps
 * the batched sweep one tight loop.
 */
export function readProcStat(pid: number): ProcStat | undefined {
  let fd: number | undefined;
  try {
    // open+read+close on a shared buffer: ~4x cheaper than readFileSync, which stats and grows buffers.
    fd = openSync(`/proc/${pid}/stat`, 'r');
    const bytes = readSync(fd, buffer, 0, buffer.length, 0);
    return parseProcStat(buffer.toString('latin1', 0, bytes));
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * The start time of `pid` if it runs and is not a zombie.
 *
 * @example const id = readStartTime(child.pid); // '53339'
 */
export function readStartTime(pid: number): string | undefined {
  const stat = readProcStat(pid);
  return stat && stat.state !== 'Z' ? stat.startTime : undefined;
}

/** True when `pid` runs and is the very process recorded with `startTime`. */
export function isSameProcess(pid: number, startTime: string | null): boolean {
  const current = readStartTime(pid);
  return current !== undefined && (startTime === null || current === startTime);
}

/** Every live process's stat, in one pass over /proc (zombies included: callers decide). */
export function listProcesses(): ProcStat[] {
  const all: ProcStat[] = [];
  for (const name of readdirSync('/proc')) {
    const first = name.charCodeAt(0);
    if (first < 48 || first > 57) continue;
    const stat = readProcStat(Number(name));
    if (stat) all.push(stat);
  }
  return all;
}
