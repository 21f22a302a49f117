/**
 * Checks every second that `<home>/state.db` is still the file the
 * controller opened; when it was deleted or replaced, rewrites it from the
 * controller's state (store/rewrite-store-file.ts), says so in the log and
 * as a StoreRewritten event on every app.
 */
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import { rewriteStoreFile, storeFileIdentity } from '../store/rewrite-store-file.js';

export interface StoreFileGuard {
  /** Runs the check now (the timer calls it every `everyMs`). */
  check(): void;
  stop(): void;
}

export function guardStoreFile({ store, file, logger, onError, everyMs = 1_000 }: { store: Store; file: string; logger: Logger; onError: (err: unknown) => void; everyMs?: number }): StoreFileGuard {
  let identity = storeFileIdentity(file);
  const check = () => {
    const now = storeFileIdentity(file);
    if (now === identity && now !== undefined) return;
    try {
      const { keptAside } = rewriteStoreFile(store, file);
      identity = storeFileIdentity(file);
      const message = `${file} was ${now === undefined ? 'deleted' : 'replaced'} under the running controller; rewritten from its state${keptAside ? ` (the file found there is kept as ${keptAside})` : ''}`;
      logger.warn(message);
      for (const app of store.apps.list()) store.events.record({ app: app.name, instance: null, type: 'Warning', reason: 'StoreRewritten', message });
    } catch (err) {
      onError(err); // retried at the next check
    }
  };
  const timer = setInterval(check, everyMs);
  timer.unref();
  return { check, stop: () => clearInterval(timer) };
}
