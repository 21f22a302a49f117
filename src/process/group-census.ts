/**
 * Finds the members of process groups without reading every process on the
 * host each time. A whole /proc scan reads one stat file per process (at
 * 1000 instances here 16-34 ms, every 20 s). Between two looks only three
 * kinds of process can have joined one of the groups: one created since
 * (its pid lies where the kernel's pid cursor went: new-pids.ts), one never
 * read, and one in the session of a group (a process can move only into a
 * group of its own session). A look lists /proc's pids without reading them
 * and reads those alone; any other process keeps the group and session its
 * last read said. The groups' leaders are not read at all: they are the
 * caller's (the sweep reads each one anyway), and each leads its own session
 * too (berth spawns every instance with setsid), so 1000 instances just
 * started cost nothing here. Every `fullEvery` looks, and whenever the
 * allocator cannot tell, every other process is read.
 */
import { listPids as listAllPids, readProcStat, type ProcStat } from './proc-stat.js';
import { isNewPid, newPidsBetween, type PidAllocatorState } from './new-pids.js';
import { readPidAllocator } from './pid-allocator.js';

export interface GroupCensusOptions {
  listPids?: () => number[];
  readStat?: (pid: number) => ProcStat | undefined;
  readAllocator?: () => PidAllocatorState | undefined;
  /**
   * Every this many looks every process is read anyway (default 10): a
   * process restored with a pid of its choosing (CRIU, clone3 set_tid)
   * bypasses the cursor.
   */
  fullEvery?: number;
}

interface Known {
  pgrp: number;
  session: number;
}

/**
 * @example
 * const census = new GroupCensus();
 * census.membersOf(new Set([leaderPid])); // every other process of that group, read now
 */
export class GroupCensus {
  private known = new Map<number, Known>();
  /** The allocator as read by the previous look, after its listing. */
  private since: PidAllocatorState | undefined;
  private looks = 0;
  /** Stat files the last look read (tests, measurements). */
  lastReads = 0;
  private readonly listPids: () => number[];
  private readonly readStat: (pid: number) => ProcStat | undefined;
  private readonly readAllocator: () => PidAllocatorState | undefined;
  private readonly fullEvery: number;

  constructor({ listPids = listAllPids, readStat = readProcStat, readAllocator = readPidAllocator, fullEvery = 10 }: GroupCensusOptions = {}) {
    this.listPids = listPids;
    this.readStat = readStat;
    this.readAllocator = readAllocator;
    this.fullEvery = fullEvery;
  }

  /**
   * Every process whose group is in `groups` but the leaders themselves (the
   * pids in `groups`, each the leader of its own group and session), each
   * read by this call; zombies included, callers decide.
   */
  membersOf(groups: ReadonlySet<number>): ProcStat[] {
    const pids = this.listPids();
    // Read after the listing: a process that took a listed pid before this reading is new by it, one after is read below.
    const now = this.readAllocator();
    const full = this.looks++ % this.fullEvery === 0 || now === undefined;
    const range = full ? 'any' : newPidsBetween(this.since, now);
    this.since = now;

    const previous = this.known;
    // Rebuilt from this listing: processes gone since drop out.
    const known = (this.known = new Map<number, Known>());
    const fresh = new Map<number, ProcStat>();
    for (const pid of pids) {
      // A leader is the caller's to read (the sweep reads it anyway), and leads its group and session.
      if (groups.has(pid)) continue;
      const last = previous.get(pid);
      if (last === undefined || range === 'any' || isNewPid(range, pid)) this.readInto(pid, known, fresh);
      else known.set(pid, last);
    }
    // A process joins a group only from the group's session, and a group's session is its leader's pid.
    for (const [pid, entry] of known) {
      if (!fresh.has(pid) && (groups.has(entry.pgrp) || groups.has(entry.session))) this.readInto(pid, known, fresh);
    }
    this.lastReads = fresh.size;
    const members: ProcStat[] = [];
    for (const stat of fresh.values()) if (groups.has(stat.pgrp)) members.push(stat);
    return members;
  }

  private readInto(pid: number, known: Map<number, Known>, fresh: Map<number, ProcStat>): void {
    const stat = this.readStat(pid);
    if (!stat) {
      known.delete(pid);
      return;
    }
    fresh.set(pid, stat);
    known.set(pid, { pgrp: stat.pgrp, session: stat.session });
  }
}
