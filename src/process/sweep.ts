/**
 * The one periodic, batched supervision sweep. Every tick it reads each
 * watched pid's /proc/<pid>/stat once: alive, not a zombie, same start time,
 * and from the same read its CPU time and RSS, summed with the other members
 * of its process group (group-usage.ts). (pidusage read the same file a
 * second time per pid per tick; at 100 instances that second pass was half
 * of the controller's idle CPU.) The reads go through descriptors held
 * between ticks (held-proc-stat.ts), and past maxReadsPerTick the targets
 * take turns: at 1000 `sleep` instances the controller's idle CPU went from
 * 2.4 % to about 1.1 % of a core. Spawned and adopted processes go through
 * the same path; adopted ones send us no 'exit', so the reads are how their
 * end is seen. A child of ours reports its end with 'exit': unless a memory
 * limit needs its samples, it is read only while someone asks for samples
 * (wantSamples: `list`, `top`, the dashboard, metrics), so an idle
 * controller reads no stat file for it. The timer runs only while something
 * is watched, and is unref()'d.
 */
import { execFileSync } from 'node:child_process';
import type { ProcStat } from './proc-stat.js';
import { GroupCensus } from './group-census.js';
import { GroupUsage } from './group-usage.js';
import { HeldProcStats } from './held-proc-stat.js';
import { SweepRounds } from './sweep-rounds.js';
let pageSize: number | undefined;

/** The kernel's page size (4 KiB on x86-64, 4 or 64 KiB on arm64), asked once. */
function systemPageSize(): number {
  if (pageSize === undefined) {
    try {
      pageSize = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) || 4096;
    } catch {
      pageSize = 4096;
    }
  }
  return pageSize;
}

export interface ProcessSample {
  /** Percent of one core since the previous sample, the whole process group. */
  cpu: number;
  /** Resident set size of the whole process group, bytes. */
  memory: number;
}

export interface SweepTarget {
  pid: number;
  /** Expected start time; null accepts whatever runs under `pid` now and pins it. */
  startTime: string | null;
  onSample(sample: ProcessSample): void;
  /** Called once when the process is gone (or its PID now belongs to another program); the target is dropped. */
  onGone(): void;
  /**
   * Read only while samples are wanted (wantSamples): nothing else needs its
   * reads, because its end reaches us another way (a child's 'exit') and no
   * memory limit watches its samples. Default false: read every round.
   */
  onDemand?: boolean;
}

export type SampleUsage = (pids: number[]) => Promise<Record<string, ProcessSample | undefined>>;

export interface SweeperOptions {
  intervalMs?: number;
  /** Replaces the reads of /proc/<pid>/stat (default: through descriptors held between ticks, held-proc-stat.ts). */
  readStat?: (pid: number) => ProcStat | undefined;
  /** Every process of these groups but their leaders, each read now: the members of the watched groups (default: group-census.ts). */
  listStats?: (groups: ReadonlySet<number>) => ProcStat[];
  /** Group members are looked for every this many ticks (default 5; with turns, every this many rounds). */
  discoverEveryTicks?: number;
  /**
   * At most this many targets are read per tick (default 250); beyond it they
   * take turns, so a tick's cost stays flat: at 1000 instances each is read
   * every 4th tick. Tasks (log sizes) still run every tick.
   */
  maxReadsPerTick?: number;
  /** After wantSamples(), on-demand targets are read in turn with the others for this long (default 5 s: every reader polls at least once a second). */
  sampleDemandMs?: number;
  /** Replaces the usage computed from /proc stat (tests). */
  sampleUsage?: SampleUsage;
  now?: () => number;
  /** Errors from a tick (usage sampling, tasks, callbacks); the sweep carries on. */
  onError?: (err: unknown) => void;
}

const NO_LEADERS: Map<SweepTarget, number> = new Map();

function censusOfGroups(): (groups: ReadonlySet<number>) => ProcStat[] {
  const census = new GroupCensus();
  return (groups) => census.membersOf(groups);
}

/**
 * @example
 * const sweeper = new Sweeper({ intervalMs: 1000 });
 * const unwatch = sweeper.watch({ pid, startTime, onSample: (s) => {}, onGone: () => {} });
 */
export class Sweeper {
  readonly intervalMs: number;
  private readonly targets = new Set<SweepTarget>();
  /** The targets read every round whether or not samples are wanted (not onDemand). */
  private readonly polled = new Set<SweepTarget>();
  private readonly tasks = new Set<() => void | Promise<void>>();
  private readonly readStat: (pid: number) => ProcStat | undefined;
  /** The default reader's descriptors, and on discovery ticks the pids read (group members no longer read are closed after it). */
  private readonly held: HeldProcStats | undefined;
  private readThisTick: Set<number> | undefined;
  private readonly rounds: SweepRounds<SweepTarget>;
  private readonly sampleUsage: SampleUsage | undefined;
  private readonly sampleDemandMs: number;
  /** Until when on-demand targets are read (the last wantSamples() + sampleDemandMs). */
  private wantedUntil = -Infinity;
  /** The next sweep reads every target at once (samples wanted after none were). */
  private readAllNext = false;
  private refreshing: Promise<void> | undefined;
  private readonly now: () => number;
  private readonly usage: GroupUsage<SweepTarget>;
  private readonly onError: (err: unknown) => void;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private closed = false;

  constructor({ intervalMs = 1_000, readStat, listStats = censusOfGroups(), discoverEveryTicks = 5, maxReadsPerTick = 250, sampleDemandMs = 5_000, sampleUsage, now = Date.now, onError = () => {} }: SweeperOptions = {}) {
    this.intervalMs = intervalMs;
    this.rounds = new SweepRounds(maxReadsPerTick, discoverEveryTicks);
    if (readStat) this.readStat = readStat;
    else {
      const held = (this.held = new HeldProcStats());
      this.readStat = (pid) => {
        this.readThisTick?.add(pid);
        return held.read(pid);
      };
    }
    this.usage = new GroupUsage({ readStat: this.readStat, listStats, discoverEveryTicks });
    this.sampleUsage = sampleUsage;
    this.sampleDemandMs = sampleDemandMs;
    this.now = now;
    this.onError = onError;
  }

  get size(): number {
    return this.targets.size;
  }

  /** Supervises `target` from the next tick on. Returns the unwatch function. */
  watch(target: SweepTarget): () => void {
    this.targets.add(target);
    if (!target.onDemand) this.polled.add(target);
    this.arm();
    return () => {
      this.drop(target);
      this.disarmIfIdle();
    };
  }

  /**
   * Someone reads samples (CPU, memory): on-demand targets are read too for
   * the next sampleDemandMs. When they were not being read, every target is
   * read at once and this resolves after that read; else at once.
   *
   * @example await sweeper.wantSamples(); // then the instances' snapshots hold fresh numbers
   */
  wantSamples(): Promise<void> {
    const at = this.now();
    const cold = at >= this.wantedUntil;
    this.wantedUntil = at + this.sampleDemandMs;
    if (!cold) return this.refreshing ?? Promise.resolve();
    this.readAllNext = true;
    const refresh = (this.refreshing = (this.running ?? Promise.resolve()).then(() => this.tick()).finally(() => {
      if (this.refreshing === refresh) this.refreshing = undefined;
    }));
    return refresh;
  }

  /** Work piggybacking on the tick (log rotation), run while anything is watched. */
  addTask(task: () => void | Promise<void>): () => void {
    this.tasks.add(task);
    return () => this.tasks.delete(task);
  }

  /** One sweep now; concurrent calls share the running one. */
  tick(): Promise<void> {
    this.running ??= this.sweep().finally(() => (this.running = undefined));
    return this.running;
  }

  close(): void {
    this.closed = true;
    this.targets.clear();
    this.polled.clear();
    this.disarmIfIdle();
    this.held?.close();
  }

  private arm(): void {
    if (this.timer || this.closed) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  private disarmIfIdle(): void {
    if (this.timer && this.targets.size === 0) {
      clearInterval(this.timer);
      this.timer = undefined;
    }
  }

  private drop(target: SweepTarget): void {
    this.targets.delete(target);
    this.polled.delete(target);
    this.held?.forget(target.pid);
  }

  /** The targets this round is over: all of them while samples are wanted, else those that need polling. */
  private pool(): ReadonlySet<SweepTarget> {
    return this.now() < this.wantedUntil ? this.targets : this.polled;
  }

  private async sweep(): Promise<void> {
    const live: { target: SweepTarget; stat: ProcStat }[] = [];
    const at = this.now();
    const everyOne = this.readAllNext;
    this.readAllNext = false;
    const pool = everyOne ? this.targets : this.pool();
    const { targets, discover } = this.rounds.next(pool, everyOne);
    this.readThisTick = discover ? new Set() : undefined;
    for (const target of targets) {
      const stat = this.readStat(target.pid);
      const gone = !stat || stat.state === 'Z' || (target.startTime !== null && stat.startTime !== target.startTime);
      if (gone) {
        this.drop(target);
        this.safely(() => target.onGone());
        continue;
      }
      target.startTime ??= stat.startTime;
      live.push({ target, stat });
    }
    if (live.length > 0 && this.sampleUsage) {
      try {
        const usage = await this.sampleUsage(live.map(({ target }) => target.pid));
        for (const { target } of live) {
          const sample = usage[target.pid];
          if (sample && this.targets.has(target)) this.safely(() => target.onSample({ cpu: sample.cpu, memory: sample.memory }));
        }
      } catch (err) {
        this.onError(err);
      }
    } else {
      this.usage.begin(discover ? new Map([...pool].map((target) => [target, target.pid])) : NO_LEADERS, discover);
      for (const { target, stat } of live) {
        // A CPU percentage needs two readings: the first reports memory and 0 %.
        const { cpu, rssPages } = this.usage.sample(target, stat, at);
        this.safely(() => target.onSample({ cpu, memory: rssPages * systemPageSize() }));
      }
    }
    // After a discovery: descriptors of group members that left (or were never read again) are closed.
    if (this.held && this.readThisTick) {
      for (const target of this.targets) this.readThisTick.add(target.pid);
      this.held.retainOnly(this.readThisTick);
    }
    for (const task of this.tasks) {
      try {
        await task();
      } catch (err) {
        this.onError(err);
      }
    }
    this.disarmIfIdle();
  }

  private safely(fn: () => void): void {
    try {
      fn();
    } catch (err) {
      this.onError(err);
    }
  }
}
