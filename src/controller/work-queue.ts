/**
 * A work queue keyed by app name, after client-go's workqueue: a key is never
 * processed twice at once (`dirty` + `processing` sets), a key added while it
 * is processed runs again once after, many triggers collapse into one run,
 * and a failing key is retried with per-key exponential back-off.
 *
 * @example
 * const queue = new WorkQueue({ worker: (name) => reconcile(name) });
 * queue.add('web'); queue.add('web'); // one reconcile of 'web'
 */

export interface WorkQueueOptions {
  worker: (key: string) => Promise<void>;
  /** How many keys run at once (different keys only). */
  concurrency?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  onError?: (key: string, err: unknown, retryInMs: number) => void;
  setTimer?: (fn: () => void, ms: number) => { unref?: () => void };
  clearTimer?: (timer: unknown) => void;
}

export class WorkQueue {
  private readonly queue: string[] = [];
  private readonly dirty = new Set<string>();
  private readonly processing = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly retryTimers = new Map<string, unknown>();
  private readonly idleWaiters: (() => void)[] = [];
  private shuttingDown = false;
  private pumpScheduled = false;
  private readonly opts: Required<Omit<WorkQueueOptions, 'onError'>> & Pick<WorkQueueOptions, 'onError'>;

  constructor(options: WorkQueueOptions) {
    this.opts = {
      concurrency: 4,
      baseDelayMs: 500,
      maxDelayMs: 60_000,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (t) => clearTimeout(t as NodeJS.Timeout),
      ...options,
    };
  }

  add(key: string): void {
    if (this.shuttingDown || this.dirty.has(key)) return;
    this.dirty.add(key);
    // A key being processed is re-queued when its run ends (see done()).
    if (!this.processing.has(key)) this.queue.push(key);
    this.schedulePump();
  }

  /** Pumping on the next turn lets a burst of adds collapse before any key runs. */
  private schedulePump(): void {
    if (this.pumpScheduled) return;
    this.pumpScheduled = true;
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
      this.notifyIfIdle();
    });
  }

  /** Adds the key after a delay (used for retries); an add() before then runs it sooner. */
  addAfter(key: string, ms: number): void {
    if (this.shuttingDown || this.retryTimers.has(key)) return;
    const timer = this.opts.setTimer(() => {
      this.retryTimers.delete(key);
      this.add(key);
    }, ms);
    timer.unref?.();
    this.retryTimers.set(key, timer);
  }

  get length(): number {
    return this.queue.length;
  }

  /** Resolves when nothing is queued or running. */
  async drain(): Promise<void> {
    if (this.queue.length === 0 && this.processing.size === 0 && !this.pumpScheduled) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops taking work; resolves when running keys finish. */
  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    this.queue.length = 0;
    this.dirty.clear();
    for (const timer of this.retryTimers.values()) this.opts.clearTimer(timer);
    this.retryTimers.clear();
    await this.drain();
  }

  private pump(): void {
    while (this.processing.size < this.opts.concurrency && this.queue.length > 0) {
      const key = this.queue.shift()!;
      this.dirty.delete(key);
      this.processing.add(key);
      void this.run(key);
    }
  }

  private async run(key: string): Promise<void> {
    try {
      await this.opts.worker(key);
      this.failures.delete(key);
    } catch (err) {
      const attempts = (this.failures.get(key) ?? 0) + 1;
      this.failures.set(key, attempts);
      const delay = Math.min(this.opts.baseDelayMs * 2 ** (attempts - 1), this.opts.maxDelayMs);
      this.opts.onError?.(key, err, delay);
      this.addAfter(key, delay);
    } finally {
      this.processing.delete(key);
      if (this.dirty.has(key)) this.queue.push(key);
      this.pump();
      this.notifyIfIdle();
    }
  }

  private notifyIfIdle(): void {
    if (this.queue.length === 0 && this.processing.size === 0 && !this.pumpScheduled) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
    }
  }
}
