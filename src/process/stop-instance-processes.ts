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
 * The first look may use a /proc scan this old (shared with the other stops
 * of a `berth down`): a descendant that escaped after it is found by the
 * next look, which always uses a scan started after the signal.
 */
const FIRST_LOOK_MAX_AGE_MS = 1_000;

/**
 * @example await stopInstanceProcesses({ pid: 4242, startTime: '81234', marker, signal: 'SIGTERM', timeoutMs: 10_000 });
 */
export async function stopInstanceProcesses({ pid, startTime = null, marker, signal, timeoutMs, abortSignal }: StopRequest): Promise<StopResult> {
  const escaped = (takenAfter: number) => (marker ? findEscapedProcesses({ marker, group: pid, since: startTime, takenAfter }) : []);
  let set = processSetOf(escaped(performance.now() - FIRST_LOOK_MAX_AGE_MS), [pid]);
  // stopProcessSet signals before it awaits anything: a scan started after this moment sees the set after the signal
  let signalled = performance.now();
  const result = await stopProcessSet(set, { signal, timeoutMs, abortSignal });
  for (let round = 1; round < ROUNDS && !abortSignal?.aborted; round++) {
    const left = escaped(signalled);
    if (left.length === 0) break;
    set = processSetOf(left);
    signalled = performance.now();
    const again = await stopProcessSet(set, { signal, timeoutMs, abortSignal });
    result.forced ||= again.forced;
  }
  return result;
}
