// A tiny model of the kernel's process table for census tests: pids handed
// out from a cursor that wraps at pid_max (to 300, as the kernel does), a pid
// kept while it names a live process or the group or session of one, and the
// rules of setsid and setpgid.
import type { ProcStat } from '../../src/process/proc-stat.js';
import type { PidAllocatorState } from '../../src/process/new-pids.js';

interface Proc {
  pid: number;
  ppid: number;
  pgrp: number;
  session: number;
}

const RESERVED_PIDS = 300;

export class FakeKernel {
  readonly procs = new Map<number, Proc>([[1, { pid: 1, ppid: 0, pgrp: 1, session: 1 }]]);
  lastPid = 1;
  forks = 0;

  constructor(readonly pidMax: number) {}

  /** A new process, child of `parent`, in its group and session. */
  fork(parent: number): number {
    const from = this.procs.get(parent);
    if (!from) throw new Error(`no process ${parent}`);
    const pid = this.allocate();
    this.procs.set(pid, { pid, ppid: parent, pgrp: from.pgrp, session: from.session });
    return pid;
  }

  /** A thread that ends at once: it only moves the cursor. */
  thread(): void {
    this.allocate();
  }

  /** Threads until the cursor stands at `pid` (wrapping round if need be). */
  advanceTo(pid: number): void {
    for (let step = 0; this.lastPid !== pid; step++) {
      if (step > 2 * this.pidMax) throw new Error(`cursor never reached ${pid}`);
      this.thread();
    }
  }

  exit(pid: number): void {
    if (pid === 1) return;
    this.procs.delete(pid);
    for (const proc of this.procs.values()) if (proc.ppid === pid) proc.ppid = 1;
  }

  /** setsid(2): fails for a group leader. */
  setsid(pid: number): boolean {
    const proc = this.procs.get(pid);
    if (!proc || proc.pgrp === pid) return false;
    proc.pgrp = proc.session = pid;
    return true;
  }

  /** setpgid(2): into a group of the same session, or a new group of its own; never for a session leader. */
  setpgid(pid: number, pgid: number): boolean {
    const proc = this.procs.get(pid);
    if (!proc || proc.session === pid) return false;
    const exists = pgid === pid || [...this.procs.values()].some((p) => p.pgrp === pgid && p.session === proc.session);
    if (!exists) return false;
    proc.pgrp = pgid;
    return true;
  }

  listPids(): number[] {
    return [...this.procs.keys()];
  }

  readStat(pid: number): ProcStat | undefined {
    const proc = this.procs.get(pid);
    return proc && { ...proc, state: 'S', startTime: '0', cpuTicks: 0, reapedChildTicks: 0, rssPages: 1 };
  }

  allocator(): PidAllocatorState {
    return { lastPid: this.lastPid, tasks: this.procs.size, forks: this.forks, pidMax: this.pidMax };
  }

  /** Pids of the processes in these groups now, the leaders (the pids in `groups`) aside. */
  members(groups: ReadonlySet<number>): number[] {
    return [...this.procs.values()].filter((p) => groups.has(p.pgrp) && !groups.has(p.pid)).map((p) => p.pid).sort((a, b) => a - b);
  }

  private taken(pid: number): boolean {
    if (this.procs.has(pid)) return true;
    for (const proc of this.procs.values()) if (proc.pgrp === pid || proc.session === pid) return true;
    return false;
  }

  private allocate(): number {
    const min = this.lastPid > RESERVED_PIDS ? RESERVED_PIDS : 1;
    let pid = this.lastPid;
    for (let step = 0; step < this.pidMax; step++) {
      pid = pid + 1 >= this.pidMax ? min : pid + 1;
      if (!this.taken(pid)) {
        this.lastPid = pid;
        this.forks++;
        return pid;
      }
    }
    throw new Error('pid space full');
  }
}
