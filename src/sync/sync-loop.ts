/**
 * Keeps one source in sync until stopped: a sync at start, then one every
 * interval, and one at once when `berth sync --now` leaves a trigger or a
 * suspended source is resumed. One tick a second (pollMs) checks the clock,
 * the trigger file and the suspend flag in the store; syncs never overlap
 * (a request during a sync runs right after it, as a workqueue's dirty key).
 */
import type { BerthError } from '../errors.js';
import { toBerthError } from '../errors.js';
import type { Store } from '../store/store.js';
import type { SyncSourceSettings } from '../store/sync-table.js';
import { syncSource, type SyncResult } from './sync-source.js';
import { consumeSyncRequest } from './sync-trigger.js';

export interface SyncLoopOptions {
  store: Store;
  home: string;
  /** Recorded (created or updated) in the store when the loop starts. */
  source: SyncSourceSettings;
  onResult?: (result: SyncResult) => void;
  onError?: (error: BerthError) => void;
  /** Called when a due sync is skipped or resumed, once per change. */
  onSuspendChange?: (suspended: boolean) => void;
  /** How often to look at the trigger file and the suspend flag. */
  pollMs?: number;
  now?: () => number;
}

export interface SyncLoop {
  /** Ask for a sync now (the in-process twin of `berth sync --now`). */
  syncNow(): void;
  /** Stops the timer, aborts a running git, resolves once nothing runs. */
  stop(): Promise<void>;
}

/**
 * @example
 * const loop = startSyncLoop({ store, home, source: { name: 'infra', repo: 'https://git.example/infra.git', branch: null, path: '', dir: '/srv/manifests', intervalMs: 30_000, selfHeal: true, allowEmpty: false }, onResult: (r) => log.info(formatSyncResult(r, { onlyChanges: true })) });
 * process.once('SIGTERM', () => loop.stop());
 */
export function startSyncLoop({ store, home, source, onResult, onError, onSuspendChange, pollMs = 1000, now = Date.now }: SyncLoopOptions): SyncLoop {
  store.sync.upsertSource(source);
  const { name, intervalMs } = source;
  const abort = new AbortController();
  let nextDue = now();
  let requested = false;
  let running: Promise<void> | null = null;
  let suspended = store.sync.get(name)?.suspended ?? false;
  let stopped = false;

  async function runOnce(): Promise<void> {
    try {
      onResult?.(await syncSource({ store, home, name, signal: abort.signal }));
    } catch (err) {
      if (!abort.signal.aborted) onError?.(toBerthError(err));
    } finally {
      nextDue = now() + intervalMs;
    }
  }

  async function tick(): Promise<void> {
    if (await consumeSyncRequest(home, name)) requested = true;
    const isSuspended = store.sync.get(name)?.suspended ?? false;
    if (isSuspended !== suspended) {
      suspended = isSuspended;
      onSuspendChange?.(suspended);
      // Resuming reconciles at once, as Flux does, rather than waiting out the interval.
      if (!suspended) requested = true;
    }
    if (suspended) {
      requested = false;
      return;
    }
    if (!requested && now() < nextDue) return;
    requested = false;
    await runOnce();
  }

  // One tick at a time: a tick asked for while one runs is dropped, and
  // `requested` carries a --now over to the next one.
  const guardedTick = () => {
    if (stopped || running) return;
    running = tick()
      .catch((err: unknown) => onError?.(toBerthError(err)))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(guardedTick, Math.min(pollMs, intervalMs));
  guardedTick();

  return {
    syncNow() {
      requested = true;
      guardedTick();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      abort.abort();
      await running;
    },
  };
}
