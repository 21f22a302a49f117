/**
 * The one periodic, batched supervision sweep. Every tick it checks each
 * watched pid in /proc (alive, not a zombie, same start time) and samples
 * CPU and RSS for all live ones with ONE pidusage call. Spawned and adopted
 * processes go through the same path; adopted ones send us no 'exit'.
 * The timer runs only while something is watched, and is unref()'d.
 */
import pidusage from 'pidusage';
import { readProcStat, type ProcStat } from './proc-stat.js';

export interface ProcessSample {
  /** Percent of one core since the previous sample. */
  cpu: number;
  /** Resident set size, bytes. */
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
  readStat?: (pid: number) => ProcStat | undefined;
  sampleUsage?: SampleUsage;
  /** Errors from a tick (pidusage, tasks, callbacks); the sweep carries on. */
  onError?: (err: unknown) => void;
}

const defaultSampleUsage: SampleUsage = async (pids) => {
  try {
    // maxage keeps pidusage's per-pid history (needed for CPU deltas) a bit longer than one tick.
    return (await pidusage(pids, { maxage: 60_000 })) as Record<string, ProcessSample | undefined>;
  } catch (err) {
    // A pid that exited between our /proc read and pidusage's fails the batch (always so for a batch of one):
    // skip this tick's samples; the next tick reports the exit.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'ESRCH') return {};
    throw err;
  }
};

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
  private readonly sampleUsage: SampleUsage;
  private readonly onError: (err: unknown) => void;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private closed = false;

  constructor({ intervalMs = 1_000, readStat = readProcStat, sampleUsage = defaultSampleUsage, onError = () => {} }: SweeperOptions = {}) {
    this.intervalMs = intervalMs;
    this.readStat = readStat;
    this.sampleUsage = sampleUsage;
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

  private async sweep(): Promise<void> {
    const live: SweepTarget[] = [];
    for (const target of this.targets) {
      const stat = this.readStat(target.pid);
      const gone = !stat || stat.state === 'Z' || (target.startTime !== null && stat.startTime !== target.startTime);
      if (gone) {
        this.targets.delete(target);
        this.safely(() => target.onGone());
        continue;
      }
      target.startTime ??= stat.startTime;
      live.push(target);
    }
    if (live.length > 0) {
      try {
        const usage = await this.sampleUsage(live.map((t) => t.pid));
        for (const target of live) {
          const sample = usage[target.pid];
          if (sample && this.targets.has(target)) this.safely(() => target.onSample({ cpu: sample.cpu, memory: sample.memory }));
        }
      } catch (err) {
        this.onError(err);
      }
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
