/**
 * Writes an instance's row only when it would change (CPU and memory samples
 * must not turn into SQLite writes), and never lets a failed write (disk
 * full, I/O error) get lost or thrown: the handle is kept and written again,
 * as it is by then, after `retryMs`, until the store takes it.
 */
import type { InstanceHandle } from './instance-handle.js';
import type { InstanceRows } from './instance-rows.js';

type Patch = Parameters<InstanceRows['record']>[2];

export interface RowWriterOptions {
  rows: InstanceRows;
  /** Writes the handle's row again as it is now (the Supervisor's persistSnapshot). */
  rewrite: (handle: InstanceHandle) => void;
  onError: (err: unknown, key: string) => void;
  retryMs?: number;
}

export class RowWriter {
  private readonly written = new WeakMap<InstanceHandle, string>();
  private readonly unsaved = new Set<InstanceHandle>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly opts: RowWriterOptions) {}

  write(handle: InstanceHandle, patch: Patch, force = false): void {
    const key = JSON.stringify(patch);
    if (!force && this.written.get(handle) === key) return;
    try {
      this.opts.rows.record(handle.app, handle.index, patch);
      this.written.set(handle, key);
      this.unsaved.delete(handle);
    } catch (err) {
      this.opts.onError(err, handle.key);
      this.unsaved.add(handle);
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.flush();
      }, this.opts.retryMs ?? 1_000).unref();
    }
  }

  /** Tries every failed write again now. */
  flush(): void {
    for (const handle of [...this.unsaved]) {
      this.unsaved.delete(handle);
      this.opts.rewrite(handle);
    }
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
