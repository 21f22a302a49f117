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

/**
 * @example await stopInstanceProcesses({ pid: 4242, startTime: '81234', marker, signal: 'SIGTERM', timeoutMs: 10_000 });
 */
export function stopInstanceProcesses({ pid, startTime = null, marker, signal, timeoutMs, abortSignal }: StopRequest): Promise<StopResult> {
  const escaped = marker ? findEscapedProcesses({ marker, group: pid, since: startTime }) : [];
  return stopProcessSet(processSetOf(escaped, [pid]), { signal, timeoutMs, abortSignal });
}
