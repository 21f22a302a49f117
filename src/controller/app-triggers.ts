/**
 * What makes the controller act on its own, besides the manifest directory:
 * each app's cronRestart schedule and file watch (app-schedules.ts, ending in
 * rolling restarts) and the watch over the env files the manifests name
 * (env-file-watch.ts, ending in a new read of the manifests). One object,
 * told when the manifests were read and when an app was reconciled.
 */
import type { Logger } from 'pino';
import type { DesiredState } from '../manifest/load-manifest-dir.js';
import { AppSchedules, type WatchAppFn } from './app-schedules.js';
import { EnvFileWatch, type WatchEnvFilesFn } from './env-file-watch.js';
import { rollingRestart } from './rolling-restart.js';
import type { ReconcileContext } from './reconcile-context.js';
import type { CronTimers } from '../cron/cron-scheduler.js';

export interface AppTriggersOptions {
  ctx: ReconcileContext;
  logger: Logger;
  /** Reconciles an app now and waits until it is done. */
  reconcileAndWait: (name: string) => Promise<void>;
  /** Reads the manifest directory again. */
  reloadDesired: () => Promise<void>;
  /** The controller's timers and clock, for cron (default: real, unref()'d). */
  cronTimers?: CronTimers;
  watchApp?: WatchAppFn | null;
  watchEnvFiles?: WatchEnvFilesFn | null;
}

const reason = (err: unknown) => ({ message: (err as Error).message });

export class AppTriggers {
  private readonly schedules: AppSchedules;
  private readonly envFiles: EnvFileWatch;

  constructor(private readonly opts: AppTriggersOptions) {
    const { ctx, logger } = opts;
    this.schedules = new AppSchedules({
      logDir: ctx.logDir,
      restart: (app, cause, message) => rollingRestart({ ctx, reconcileAndWait: opts.reconcileAndWait }, app, cause, message),
      cronTimers: opts.cronTimers,
      watchApp: opts.watchApp,
      onError: (app, err) => logger.warn({ app, err: reason(err) }, 'scheduled or watch restart failed'),
    });
    this.envFiles = new EnvFileWatch({
      onChange: () => void opts.reloadDesired(),
      onError: (err) => logger.warn({ err: reason(err) }, 'env file watcher error'),
      watchEnvFiles: opts.watchEnvFiles,
    });
  }

  /** The manifests were read: watch exactly the env files they name. */
  manifestsRead(state: DesiredState): void {
    this.envFiles.update(state);
  }

  /** `name` was reconciled: its schedule and watch follow its spec (its last good one; none once it is gone). */
  reconciled(name: string): void {
    const { store, desired } = this.opts.ctx;
    const record = store.apps.get(name);
    const resource = desired().resources.get(name) ?? record?.resource;
    this.schedules.sync(name, record && resource?.kind === 'App' ? resource.spec : undefined);
  }

  async close(): Promise<void> {
    await Promise.all([this.schedules.closeAll(), this.envFiles.close()]);
  }
}
