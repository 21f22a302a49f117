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
  /** Field 6, the session id: a process can join only a group of its own session. */
  session: number;
  /** Field 22, clock ticks since boot, kept as a string (it is an opaque identity). */
  startTime: string;
  /** utime + stime (fields 14 and 15), in clock ticks: CPU used so far. */
  cpuTicks: number;
  /** cutime + cstime (fields 16 and 17): CPU of children it has waited for. */
  reapedChildTicks: number;
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
  const bytes = Buffer.from(text, 'latin1');
  return parseProcStatBytes(bytes, bytes.length);
}

const SPACE = 0x20;
const CLOSE = 0x29; // ')'
const START_TIME = 19;
const RSS = 21;

/**
 * parseProcStat straight from the bytes read: numbers are read digit by
 * digit and only the start time becomes a string. The sweep parses 250
 * stat files a second; making the line a string and splitting it was most
 * of the controller's garbage at 1000 instances.
 */
export function parseProcStatBytes(bytes: Buffer, length: number): ProcStat | undefined {
  let close = length - 1;
  while (close >= 0 && bytes[close] !== CLOSE) close--;
  if (close < 0) return undefined;
  const pid = digits(bytes, 0, length);
  // After ") " comes field 3 (state): field index 0 here.
  let at = close + 2;
  let state = '?';
  let ppid = NaN;
  let pgrp = NaN;
  let session = NaN;
  let cpuTicks = 0;
  let reapedChildTicks = 0;
  let startTime: string | undefined;
  let rssPages = NaN;
  for (let field = 0; field <= RSS && at < length; field++) {
    let end = at;
    while (end < length && bytes[end] !== SPACE && bytes[end] !== 0x0a) end++;
    if (field === 0) state = String.fromCharCode(bytes[at]!);
    else if (field === 1) ppid = digits(bytes, at, end);
    else if (field === 2) pgrp = digits(bytes, at, end);
    else if (field === 3) session = digits(bytes, at, end);
    else if (field === 11 || field === 12) cpuTicks += digits(bytes, at, end);
    else if (field === 13 || field === 14) reapedChildTicks += digits(bytes, at, end);
    else if (field === START_TIME) startTime = bytes.toString('latin1', at, end);
    else if (field === RSS) rssPages = digits(bytes, at, end);
    at = end + 1;
  }
  if (!Number.isInteger(pid) || startTime === undefined) return undefined;
  return { pid, state, ppid, pgrp, session, startTime, cpuTicks, reapedChildTicks, rssPages };
}

/** The decimal number in bytes[from, to) (NaN when there is none; stops at the first non-digit). */
function digits(bytes: Uint8Array, from: number, to: number): number {
  let value = 0;
  let any = false;
  for (let i = from; i < to; i++) {
    const d = bytes[i]! - 0x30;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
    any = true;
  }
  return any ? value : NaN;
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
    return parseProcStatBytes(buffer, bytes);
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

/** The pid of every process (not thread) that exists now: /proc's numeric entries, nothing read. */
export function listPids(): number[] {
  const pids: number[] = [];
  for (const name of readdirSync('/proc')) {
    const first = name.charCodeAt(0);
    if (first >= 48 && first <= 57) pids.push(Number(name));
  }
  return pids;
}

/** Every live process's stat, in one pass over /proc (zombies included: callers decide). */
export function listProcesses(): ProcStat[] {
  const all: ProcStat[] = [];
  for (const pid of listPids()) {
    const stat = readProcStat(pid);
    if (stat) all.push(stat);
  }
  return all;
}
