/**
 * CPU and memory of a whole process group: an instance and every child in
 * its group, as systemd accounts a unit's cgroup, so `maxMemory` and the
 * Memory column see a child that grows under `sh -c`. Membership comes from
 * one look for members every few ticks (a new child counts from the look
 * that finds it, within `discoverEveryTicks` sweeps; the Sweeper's looks read
 * only what may have changed, group-census.ts); in between only the known
 * members' stat files are read, so a single-process instance still costs one
 * read per tick.
 */
import { CLOCK_TICKS_PER_SECOND, listProcesses, readProcStat, type ProcStat } from './proc-stat.js';

interface GroupState {
  /** Members other than the leader, by pid. */
  members: number[];
  /** CPU ticks of each process at the previous sample. */
  cpu: Map<number, number>;
  at: number | undefined;
}

export interface GroupUsageOptions {
  readStat?: (pid: number) => ProcStat | undefined;
  /** Every process of these groups but their leaders (others may come too), each read now (default: a whole /proc scan). */
  listStats?: (groups: ReadonlySet<number>) => ProcStat[];
  discoverEveryTicks?: number;
}

export interface GroupSample {
  /** Percent of one core since the previous sample (0 on the first). */
  cpu: number;
  /** Resident pages of every member. */
  rssPages: number;
}

export class GroupUsage<K extends object> {
  private readonly groups = new WeakMap<K, GroupState>();
  private readonly readStat: (pid: number) => ProcStat | undefined;
  private readonly listStats: (groups: ReadonlySet<number>) => ProcStat[];
  private readonly discoverEveryTicks: number;
  private ticks = 0;
  /** Stats read by this tick's scan, reused instead of reading them again. */
  private fresh = new Map<number, ProcStat>();

  constructor({ readStat = readProcStat, listStats = listProcesses, discoverEveryTicks = 5 }: GroupUsageOptions = {}) {
    this.readStat = readStat;
    this.listStats = listStats;
    this.discoverEveryTicks = discoverEveryTicks;
  }

  /**
   * Starts a tick over the groups led by `leaders` (key → leader pid); every
   * few ticks (or when `discover` says so) one look for members regroups them all.
   */
  begin(leaders: Map<K, number>, discover = this.ticks % this.discoverEveryTicks === 0): void {
    this.ticks++;
    this.fresh = new Map();
    if (!discover || leaders.size === 0) return;
    const byGroup = new Map<number, number[]>();
    for (const pid of leaders.values()) byGroup.set(pid, []);
    for (const stat of this.listStats(new Set(byGroup.keys()))) {
      const members = byGroup.get(stat.pgrp);
      if (!members || stat.pid === stat.pgrp || stat.state === 'Z') continue;
      members.push(stat.pid);
      this.fresh.set(stat.pid, stat);
    }
    for (const [key, pid] of leaders) this.state(key).members = byGroup.get(pid) ?? [];
  }

  /** The group's usage now, given its leader's fresh stat. */
  sample(key: K, leader: ProcStat, at: number): GroupSample {
    const state = this.state(key);
    // A lone process (the usual case) updates its one entry in place: no map made per sample.
    const cpu = state.members.length === 0 && state.cpu.size <= 1 ? state.cpu : new Map<number, number>();
    let rssPages = 0;
    let delta = 0;
    const account = (stat: ProcStat) => {
      rssPages += stat.rssPages;
      const before = state.cpu.get(stat.pid);
      // A process first seen now counts from now: its whole past would read as a spike.
      if (before !== undefined) delta += Math.max(0, stat.cpuTicks - before);
      cpu.set(stat.pid, stat.cpuTicks);
    };
    account(leader);
    const alive: number[] = [];
    for (const pid of state.members) {
      const stat = this.fresh.get(pid) ?? this.readStat(pid);
      if (!stat || stat.pgrp !== leader.pid || stat.state === 'Z') continue;
      alive.push(pid);
      account(stat);
    }
    const percent = state.at !== undefined && at > state.at ? (delta / CLOCK_TICKS_PER_SECOND / ((at - state.at) / 1000)) * 100 : 0;
    state.members = alive;
    state.cpu = cpu;
    state.at = at;
    return { cpu: Math.round(percent * 10) / 10, rssPages };
  }

  private state(key: K): GroupState {
    let state = this.groups.get(key);
    if (!state) this.groups.set(key, (state = { members: [], cpu: new Map(), at: undefined }));
    return state;
  }
}
