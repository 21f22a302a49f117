/**
 * Collects changed paths and hands them over once no change came for
 * `delayMs` (a trailing debounce): an editor's save, a `git checkout` or a
 * build that writes 200 files makes one restart, not 200. Timers are
 * injected so tests run it on a fake clock.
 */

export interface DebounceTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realDebounceTimers: DebounceTimers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface ChangeDebouncer {
  /** A change at `file`; restarts the quiet period. */
  add(file: string): void;
  /** Drops what is pending without calling back. */
  cancel(): void;
}

/**
 * @example
 * const debouncer = createChangeDebouncer({ delayMs: 500, onFlush: (files) => restart(files) });
 * debouncer.add('/srv/web/a.js'); debouncer.add('/srv/web/b.js'); // 500 ms later: onFlush(['/srv/web/a.js', '/srv/web/b.js'])
 */
export function createChangeDebouncer({ delayMs, onFlush, timers = realDebounceTimers }: { delayMs: number; onFlush: (files: string[]) => void; timers?: DebounceTimers }): ChangeDebouncer {
  let pending = new Set<string>();
  let timer: unknown;
  const flush = () => {
    timer = undefined;
    const files = [...pending].sort();
    pending = new Set();
    if (files.length > 0) onFlush(files);
  };
  return {
    add(file) {
      pending.add(file);
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = timers.setTimeout(flush, delayMs);
    },
    cancel() {
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      pending = new Set();
    },
  };
}
