/**
 * Stops processes in two steps, as execa's kill does: the stop signal, then
 * SIGKILL after a timeout. The targets are process groups (berth spawns each
 * instance as its own group) and single processes known by (pid, start
 * time), so a PID the kernel gave to someone else is never signalled. The
 * timer is tied to an AbortSignal so an aborted stop leaves nothing behind.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { readStartTime } from './proc-stat.js';
import { processTable } from './process-table.js';
import type { StopRequest, StopResult } from './process-runner.js';

const POLL_MS = 25;
/** After SIGKILL the kernel needs a moment; past this something is badly wrong (D state). */
const KILL_WAIT_MS = 5_000;

/** What to stop: whole groups by id, single processes by identity. */
export interface ProcessSet {
  groups: number[];
  processes?: { pid: number; startTime: string }[];
}

/**
 * Resolves once no live member of the group `pid` remains.
 *
 * @example await stopProcessGroup({ pid: 4242, signal: 'SIGTERM', timeoutMs: 10_000 }); // { forced: false }
 */
export function stopProcessGroup({ pid, signal, timeoutMs, abortSignal }: StopRequest): Promise<StopResult> {
  return stopProcessSet({ groups: [pid] }, { signal, timeoutMs, abortSignal });
}

/**
 * Sends `signal` to every target, waits until all are gone, SIGKILLs what
 * is left after `timeoutMs`.
 *
 * @example await stopProcessSet({ groups: [4242], processes: [{ pid: 4300, startTime: '81234' }] }, { signal: 'SIGTERM', timeoutMs: 10_000 });
 */
export async function stopProcessSet(set: ProcessSet, { signal, timeoutMs, abortSignal }: Omit<StopRequest, 'pid'>): Promise<StopResult> {
  if (!signalSet(set, signal)) return { forced: false };
  if (await waitGone(set, timeoutMs, abortSignal)) return { forced: false };
  if (abortSignal?.aborted) return { forced: false };
  signalSet(set, 'SIGKILL');
  await waitGone(set, KILL_WAIT_MS, abortSignal);
  return { forced: true };
}

/** Sends `signal` to the group; false when the group no longer exists. */
export function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  return signalPid(-pgid, signal);
}

function signalPid(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(pid, signal);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw err;
  }
}

/** True when anything of the set was there to signal. */
function signalSet(set: ProcessSet, signal: NodeJS.Signals): boolean {
  let any = false;
  for (const group of set.groups) if (signalGroup(group, signal)) any = true;
  for (const p of set.processes ?? []) if (isProcessAlive(p) && signalPid(p.pid, signal)) any = true;
  return any;
}

/**
 * True while a non-zombie member of the group lives. kill(-pgid, 0) answers
 * cheaply; only when it says yes do we look at /proc, because an orphaned
 * grandchild that exited stays a zombie until its new parent (not us) reaps
 * it. The /proc scan is one started after `takenAfter` (default: now),
 * shared with every other stop polling at the same time (process-table.ts).
 */
export function isGroupAlive(pgid: number, takenAfter?: number): boolean {
  if (!signalGroup(pgid, 0)) return false;
  return processTable(takenAfter).group(pgid).some((member) => member.state !== 'Z');
}

function isProcessAlive(p: { pid: number; startTime: string }): boolean {
  return readStartTime(p.pid) === p.startTime;
}

/**
 * `since` undefined: only whether anything of the set still exists (kill 0;
 * no scan), the first look right after the signal. Then: alive per a scan
 * started after `since`, the previous poll.
 */
function isSetAlive(set: ProcessSet, since: number | undefined): boolean {
  const groupAlive = since === undefined ? (pgid: number) => signalGroup(pgid, 0) : (pgid: number) => isGroupAlive(pgid, since);
  return set.groups.some(groupAlive) || (set.processes ?? []).some(isProcessAlive);
}

async function waitGone(set: ProcessSet, timeoutMs: number, abortSignal?: AbortSignal): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let since: number | undefined;
  while (isSetAlive(set, since)) {
    if (Date.now() >= deadline || abortSignal?.aborted) return false;
    since = performance.now();
    try {
      await sleep(Math.min(POLL_MS, Math.max(1, deadline - Date.now())), undefined, { signal: abortSignal });
    } catch {
      return false; // aborted
    }
  }
  return true;
}
