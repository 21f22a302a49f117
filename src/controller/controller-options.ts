/** The Controller's options: the layers it drives and the side effects (watchers, timers, clock, loaders) tests replace. */
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import type { DesiredState } from '../manifest/load-manifest-dir.js';
import type { MarkedProcess } from '../process/marked-processes.js';
import type { Watcher, WatchOptions } from './manifest-watcher.js';
import type { BuildEnv, PortsDep, SupervisorDep } from './controller-deps.js';
import type { WatchAppFn } from './app-schedules.js';
import type { WatchEnvFilesFn } from './env-file-watch.js';

/** The timers the controller arms (resync, ready-condition batching). */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(timer: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (timer) => clearTimeout(timer as NodeJS.Timeout),
  // The resync must never keep the process alive on its own: the API server does.
  setInterval: (fn, ms) => setInterval(fn, ms).unref(),
  clearInterval: (timer) => clearInterval(timer as NodeJS.Timeout),
};

export interface ControllerOptions {
  home: string;
  dir: string;
  store: Store;
  ports: PortsDep;
  supervisor: SupervisorDep;
  buildEnv: BuildEnv;
  logger: Logger;
  version?: string;
  resyncMs?: number;
  /** Watches the manifest directory (default chokidar); null watches nothing. */
  watchManifests?: ((options: WatchOptions) => Watcher) | null;
  loadManifests?: (dir: string) => Promise<DesiredState>;
  /** Stops processes of this home that no instance row owns (default: the instance layer's reapOrphans, by spawn marker). */
  reapOrphans?: () => Promise<MarkedProcess[]>;
  timers?: Timers;
  now?: () => number;
  /** Called after shutdown({stopApps}) finished; the CLI exits the process. */
  onShutdown?: () => void;
  /** Told how long each reconcile of one app took, in seconds (the dashboard's histogram; unset when it is off). */
  observeReconcile?: (seconds: number) => void;
  /** Watches an app's files for `watch` (default chokidar); null watches nothing. cronRestart runs on `timers` and `now`. */
  watchApp?: WatchAppFn | null;
  /** Watches the env files the manifests name (default chokidar); null watches nothing. */
  watchEnvFiles?: WatchEnvFilesFn | null;
}
