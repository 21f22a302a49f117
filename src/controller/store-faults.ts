/**
 * Store write failures (disk full, I/O errors, a locked or corrupt file)
 * while the controller runs. They never crash it: whoever failed keeps its
 * change and retries (work queue, Ready batching, the instance layer's
 * rows); this says so once per outage in the controller log, shows it in
 * `berth info`, checks every second whether the store takes writes again,
 * and then records what happened as an event on every app.
 */
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import type { Timers } from './controller.js';
import { recordEvent } from './app-status.js';

export interface StoreFault {
  message: string;
  /** When the outage began (ms since the epoch). */
  since: number;
  /** What was being written when it began. */
  where: string;
  failures: number;
}

/** SQLite's own errors (SQLITE_FULL, SQLITE_IOERR_*, SQLITE_BUSY, SQLITE_CORRUPT...). */
export function isStoreError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') && !code.startsWith('SQLITE_CONSTRAINT');
}

export class StoreFaults {
  private fault: StoreFault | undefined;
  private probeTimer: unknown;

  constructor(private readonly deps: { store: Store; logger: Logger; timers: Timers; now: () => number; probeEveryMs?: number }) {}

  /** Reports a failed write; returns false (and does nothing) for errors that are not the store's. */
  failed(err: unknown, where: string): boolean {
    if (!isStoreError(err)) return false;
    const message = (err as Error).message;
    if (this.fault) {
      this.fault.failures++;
      return true;
    }
    this.fault = { message, since: this.deps.now(), where, failures: 1 };
    this.deps.logger.error({ code: (err as { code: string }).code, where }, `cannot write the store: ${message}; supervision goes on and every change is retried`);
    this.armProbe();
    return true;
  }

  current(): StoreFault | undefined {
    return this.fault === undefined ? undefined : { ...this.fault };
  }

  stop(): void {
    this.deps.timers.clearTimeout(this.probeTimer);
    this.probeTimer = undefined;
  }

  private armProbe(): void {
    this.probeTimer = this.deps.timers.setTimeout(() => this.probe(), this.deps.probeEveryMs ?? 1_000);
  }

  private probe(): void {
    const fault = this.fault;
    if (!fault) return;
    try {
      this.deps.store.meta.set('write_check', String(this.deps.now()));
    } catch {
      this.armProbe();
      return;
    }
    this.fault = undefined;
    const seconds = Math.max(1, Math.round((this.deps.now() - fault.since) / 1000));
    const text = `the store could not be written for ${seconds} s (${fault.message}; ${fault.failures} failed write${fault.failures === 1 ? '' : 's'}, retried)`;
    this.deps.logger.warn(`store writable again: ${text}`);
    try {
      for (const app of this.deps.store.apps.list()) recordEvent(this.deps.store, app.name, null, 'Warning', 'StoreWriteFailed', text);
    } catch (err) {
      this.failed(err, 'StoreWriteFailed events');
    }
  }
}
