/**
 * Stops everything one instance is made of: its process group (berth spawned
 * it as the group leader) and the descendants that left the group (setsid,
 * a daemonizing fork) but carry its spawn marker, as systemd's
 * KillMode=control-group stops a unit's whole cgroup. Serves a stop
 * (`berth stop`, delete, restart) and the clean-up after the main process
 * exited on its own.
 */
import { findEscapedProcesses, processSetOf } from './marked-processes.js';
import { stopProcessSet } from './stop-process-group.js';
import type { StopRequest, StopResult } from './process-runner.js';

/** A child may leave the group between a scan and the signal: look again after each round, a few times at most. */
const ROUNDS = 3;

/**
 * @example await stopInstanceProcesses({ pid: 4242, startTime: '81234', marker, signal: 'SIGTERM', timeoutMs: 10_000 });
 */
export async function stopInstanceProcesses({ pid, startTime = null, marker, signal, timeoutMs, abortSignal }: StopRequest): Promise<StopResult> {
  const escaped = () => (marker ? findEscapedProcesses({ marker, group: pid, since: startTime }) : []);
  const result = await stopProcessSet(processSetOf(escaped(), [pid]), { signal, timeoutMs, abortSignal });
  for (let round = 1; round < ROUNDS && !abortSignal?.aborted; round++) {
    const left = escaped();
    if (left.length === 0) break;
    const again = await stopProcessSet(processSetOf(left), { signal, timeoutMs, abortSignal });
    result.forced ||= again.forced;
  }
  return result;
}
