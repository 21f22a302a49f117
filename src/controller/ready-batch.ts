/**
 * Batches Ready-condition writes: any number of instance changes of an app
 * within `batchMs` become one store write for it. A write that fails (disk
 * full) leaves the app dirty and is tried again after `retryMs`: the timer
 * never throws into the event loop.
 */
import type { Timers } from './controller.js';

export interface ReadyBatchOptions {
  timers: Timers;
  write: (app: string) => void;
  onError: (err: unknown, app: string) => void;
  batchMs?: number;
  retryMs?: number;
}

export class ReadyBatch {
  private readonly dirty = new Set<string>();
  private timer: unknown;

  constructor(private readonly opts: ReadyBatchOptions) {}

  mark(app: string): void {
    this.dirty.add(app);
    this.arm(this.opts.batchMs ?? 50);
  }

  /** Writes every app in `apps` now (shutdown); failures are reported, not thrown. */
  writeNow(apps: Iterable<string>): void {
    for (const app of apps) this.writeOne(app);
  }

  stop(): void {
    this.opts.timers.clearTimeout(this.timer);
    this.timer = undefined;
    this.dirty.clear();
  }

  private arm(ms: number): void {
    if (this.timer !== undefined) return;
    this.timer = this.opts.timers.setTimeout(() => this.flush(), ms);
  }

  private flush(): void {
    this.timer = undefined;
    const apps = [...this.dirty];
    this.dirty.clear();
    let failed = false;
    for (const app of apps) {
      if (this.writeOne(app)) continue;
      this.dirty.add(app);
      failed = true;
    }
    if (failed) this.arm(this.opts.retryMs ?? 1_000);
  }

  private writeOne(app: string): boolean {
    try {
      this.opts.write(app);
      return true;
    } catch (err) {
      this.opts.onError(err, app);
      return false;
    }
  }
}
