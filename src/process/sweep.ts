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
 * the same path; adopted ones send us no 'exit'. The timer runs only while
 * something is watched, and is unref()'d.
 */
import { execFileSync } from 'node:child_process';
import type { ProcStat } from './proc-stat.js';
import { GroupCensus } from './group-census.js';
import { GroupUsage } from './group-usage.js';
import { HeldProcStats } from './held-proc-stat.js';
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
  private readonly tasks = new Set<() => void | Promise<void>>();
  private readonly readStat: (pid: number) => ProcStat | undefined;
  /** The default reader's descriptors, and on discovery ticks the pids read (group members no longer read are closed after it). */
  private readonly held: HeldProcStats | undefined;
  private readThisTick: Set<number> | undefined;
  private readonly maxReadsPerTick: number;
  private readonly discoverEveryTicks: number;
  /** Where the next turn starts (targets in watch order), and ticks so far. */
  private cursor = 0;
  private ticks = 0;
  private readonly sampleUsage: SampleUsage | undefined;
  private readonly now: () => number;
  private readonly usage: GroupUsage<SweepTarget>;
  private readonly onError: (err: unknown) => void;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private closed = false;

  constructor({ intervalMs = 1_000, readStat, listStats = censusOfGroups(), discoverEveryTicks = 5, maxReadsPerTick = 250, sampleUsage, now = Date.now, onError = () => {} }: SweeperOptions = {}) {
    this.intervalMs = intervalMs;
    this.maxReadsPerTick = maxReadsPerTick;
    this.discoverEveryTicks = discoverEveryTicks;
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
    this.now = now;
    this.onError = onError;
  }

  get size(): number {
    return this.targets.size;
  }

  /** Supervises `target` from the next tick on. Returns the unwatch function. */
  watch(target: SweepTarget): () => void {
    this.targets.add(target);
    this.arm();
    return () => {
      this.targets.delete(target);
      this.held?.forget(target.pid);
      this.disarmIfIdle();
    };
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

  /** The targets read this tick: all of them, or the next maxReadsPerTick in turn. */
  private turn(): SweepTarget[] {
    const all = [...this.targets];
    if (all.length <= this.maxReadsPerTick) return all;
    const start = this.cursor % all.length;
    this.cursor = start + this.maxReadsPerTick;
    return [...all.slice(start, this.cursor), ...all.slice(0, Math.max(0, this.cursor - all.length))];
  }

  /**
   * Whether this tick looks for group members, for every target: every
   * discoverEveryTicks ticks, and with turns every discoverEveryTicks rounds
   * (one look costs about the same for one group as for all: it lists /proc).
   */
  private discoverNow(): boolean {
    const rounds = Math.max(1, Math.ceil(this.targets.size / this.maxReadsPerTick));
    return this.ticks % (this.discoverEveryTicks * rounds) === 0;
  }

  private async sweep(): Promise<void> {
    const live: { target: SweepTarget; stat: ProcStat }[] = [];
    const at = this.now();
    const discover = this.discoverNow();
    this.readThisTick = discover ? new Set() : undefined;
    this.ticks++;
    for (const target of this.turn()) {
      const stat = this.readStat(target.pid);
      const gone = !stat || stat.state === 'Z' || (target.startTime !== null && stat.startTime !== target.startTime);
      if (gone) {
        this.targets.delete(target);
        this.held?.forget(target.pid);
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
      this.usage.begin(discover ? new Map([...this.targets].map((target) => [target, target.pid])) : NO_LEADERS, discover);
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
