/**
 * Whether the watched directory can be read. When it cannot (renamed,
 * unmounted, replaced by a file, permissions), the controller keeps the last
 * good desired state: this says so once per outage, in the controller log
 * and as an event on every app, offers the warning `berth list` prints, and
 * says when the folder is back.
 */
import type { Logger } from 'pino';
import { recordEvent } from './app-status.js';
import type { Store } from '../store/store.js';

export class ManifestDirHealth {
  private problem: string | undefined;

  constructor(private readonly deps: { store: Store; logger: Logger; dir: string }) {}

  /** The directory could not be read (`message`: the ManifestDirError's). */
  failed(message: string, apps: Iterable<string>): void {
    if (this.problem === message) return;
    this.problem = message;
    const text = `${message}; keeping the last good desired state until it can be read again`;
    this.deps.logger.error(text);
    this.record(apps, 'Warning', 'ManifestDirUnavailable', text);
  }

  /** The directory was read: if it had failed, it is back. */
  ok(apps: Iterable<string>): void {
    if (this.problem === undefined) return;
    this.problem = undefined;
    const text = `manifest directory ${this.deps.dir} can be read again`;
    this.deps.logger.info(text);
    this.record(apps, 'Normal', 'ManifestDirRestored', text);
  }

  /** The line `berth list` shows while the directory cannot be read. */
  warning(): string | undefined {
    return this.problem === undefined ? undefined : `${this.problem}; the controller keeps the last good desired state`;
  }

  private record(apps: Iterable<string>, type: 'Normal' | 'Warning', reason: string, message: string): void {
    try {
      for (const app of apps) recordEvent(this.deps.store, app, null, type, reason, message);
    } catch (err) {
      this.deps.logger.warn({ err: { message: (err as Error).message } }, `cannot record the ${reason} event`);
    }
  }
}
