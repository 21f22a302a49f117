/**
 * Stops an app in two steps, as execa's kill does: its stop signal to the
 * whole process group, then SIGKILL to the group after a timeout. The timer
 * is tied to an AbortSignal so an aborted stop leaves nothing behind.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { listProcessGroup } from './proc-stat.js';
import type { StopRequest, StopResult } from './process-runner.js';

const POLL_MS = 25;
/** After SIGKILL the kernel needs a moment; past this something is badly wrong (D state). */
const KILL_WAIT_MS = 5_000;

/**
 * Resolves once no live member of the group `pid` remains.
 *
 * @example await stopProcessGroup({ pid: 4242, signal: 'SIGTERM', timeoutMs: 10_000 }); // { forced: false }
 */
export async function stopProcessGroup({ pid, signal, timeoutMs, abortSignal }: StopRequest): Promise<StopResult> {
  if (!signalGroup(pid, signal)) return { forced: false };
  if (await waitGroupGone(pid, timeoutMs, abortSignal)) return { forced: false };
  if (abortSignal?.aborted) return { forced: false };
  signalGroup(pid, 'SIGKILL');
  await waitGroupGone(pid, KILL_WAIT_MS, abortSignal);
  return { forced: true };
}

/** Sends `signal` to the group; false when the group no longer exists. */
export function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pgid, signal);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw err;
  }
}

/**
 * True while a non-zombie member of the group lives. kill(-pgid, 0) answers
 * cheaply; only when it says yes do we scan /proc, because an orphaned
 * grandchild that exited stays a zombie until its new parent (not us) reaps it.
 */
export function isGroupAlive(pgid: number): boolean {
  if (!signalGroup(pgid, 0)) return false;
  return listProcessGroup(pgid).some((member) => member.state !== 'Z');
}

async function waitGroupGone(pgid: number, timeoutMs: number, abortSignal?: AbortSignal): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isGroupAlive(pgid)) {
    if (Date.now() >= deadline || abortSignal?.aborted) return false;
    try {
      await sleep(Math.min(POLL_MS, Math.max(1, deadline - Date.now())), undefined, { signal: abortSignal });
    } catch {
      return false; // aborted
    }
  }
  return true;
}
