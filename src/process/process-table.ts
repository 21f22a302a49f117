/**
 * One scan of /proc (every process's stat), shared by everyone who needs the
 * processes of a group or the carriers of a marker. A scan reads one stat
 * file per process on the host (~10 ms per thousand); stopping 1000
 * instances at once polled each group and looked for each one's escaped
 * descendants with a scan of its own, a million reads that kept `berth down`
 * busy for a minute. Callers say how fresh the answer must be (`takenAfter`:
 * the moment after which changes matter to them, such as their previous poll
 * or the signal they sent), so every caller that asks in the same turn of the
 * event loop shares one scan, and nobody gets one older than it can use.
 */
import { listProcesses, type ProcStat } from './proc-stat.js';

export class ProcessTable {
  private byGroup: Map<number, ProcStat[]> | undefined;

  /** `at`: performance.now() when the scan started. */
  constructor(readonly at: number, readonly all: ProcStat[]) {}

  /** The members of process group `pgid` (zombies included: callers decide). */
  group(pgid: number): ProcStat[] {
    if (!this.byGroup) {
      this.byGroup = new Map();
      for (const stat of this.all) {
        const members = this.byGroup.get(stat.pgrp);
        if (members) members.push(stat);
        else this.byGroup.set(stat.pgrp, [stat]);
      }
    }
    return this.byGroup.get(pgid) ?? [];
  }
}

let latest: ProcessTable | undefined;

/**
 * A scan started after `takenAfter` (a performance.now() time): the last one
 * if it is recent enough, else a new one. Without an argument, a fresh scan.
 *
 * @example processTable(lastPollAt).group(pgid).some((p) => p.state !== 'Z')
 */
export function processTable(takenAfter: number = performance.now()): ProcessTable {
  if (latest && latest.at > takenAfter) return latest;
  latest = new ProcessTable(performance.now(), listProcesses());
  return latest;
}
