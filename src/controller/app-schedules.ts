/**
 * The per-app triggers that restart an app on their own: its cronRestart
 * schedule and its file watch. One of each per app, made when the app's
 * spec names it, made again when that part of the spec changes, ended when
 * the app goes. Both end in a rolling restart (rolling-restart.ts); how
 * time passes and how files are watched are options, so the controller's
 * in-memory test drives them.
 */
import { parseCronExpression } from '../cron/cron-expression.js';
import { realCronTimers, scheduleCron, type CronSchedule, type CronTimers } from '../cron/cron-scheduler.js';
import type { AppSpec } from '../manifest/types.js';
import { describeWatchChange, watchApp, watchSkips } from '../watch/watch-app.js';
import type { FileWatch } from '../watch/watch-files.js';
import type { RestartCause } from './rolling-restart.js';

export type WatchAppFn = (options: Parameters<typeof watchApp>[0]) => FileWatch;

export interface AppSchedulesOptions {
  /** <home>/logs: never watched (an app's own log lines must not restart it). */
  logDir: string;
  /** A rolling restart of the app's running instances; resolves when done. */
  restart: (app: string, cause: RestartCause, message: string) => Promise<void>;
  cronTimers?: CronTimers;
  /** Watches an app's files (default: chokidar); null watches nothing. */
  watchApp?: WatchAppFn | null;
  onError: (app: string, err: unknown) => void;
}

type ScheduleSpec = Pick<AppSpec, 'cronRestart' | 'watch' | 'logs'>;

interface AppTriggers {
  cron?: { text: string; schedule: CronSchedule };
  watch?: { key: string; handle: FileWatch };
}

/**
 * @example
 * const schedules = new AppSchedules({ logDir, restart: (app, cause, message) => rollingRestart(..., app, cause, message), onError });
 * schedules.sync('web', spec);      // after each reconcile of web
 * schedules.sync('web', undefined); // web deleted
 */
export class AppSchedules {
  private readonly apps = new Map<string, AppTriggers>();
  private closed = false;

  constructor(private readonly opts: AppSchedulesOptions) {}

  /** Brings `app`'s schedule and watch in line with its spec (undefined: the app is gone). */
  sync(app: string, spec: ScheduleSpec | undefined): void {
    if (this.closed) return;
    const triggers = this.apps.get(app) ?? {};
    const cronText = spec?.cronRestart;
    if (triggers.cron?.text !== cronText) {
      triggers.cron?.schedule.stop();
      triggers.cron = cronText === undefined ? undefined : this.schedule(app, cronText);
    }
    const watchKey = spec?.watch && this.opts.watchApp !== null ? JSON.stringify([spec.watch, spec.logs?.out, spec.logs?.err]) : undefined;
    if (triggers.watch?.key !== watchKey) {
      if (triggers.watch) this.close(app, triggers.watch.handle);
      triggers.watch = watchKey === undefined ? undefined : { key: watchKey, handle: this.watch(app, spec!) };
    }
    if (triggers.cron || triggers.watch) this.apps.set(app, triggers);
    else this.apps.delete(app);
  }

  /** Controller shutdown: every schedule stopped, every watch closed. */
  async closeAll(): Promise<void> {
    this.closed = true;
    const watches: Promise<void>[] = [];
    for (const { cron, watch } of this.apps.values()) {
      cron?.schedule.stop();
      if (watch) watches.push(watch.handle.close());
    }
    this.apps.clear();
    await Promise.allSettled(watches);
  }

  private schedule(app: string, text: string): AppTriggers['cron'] {
    try {
      const schedule = scheduleCron({
        expression: parseCronExpression(text),
        onTick: () => this.opts.restart(app, 'CronRestart', `scheduled restart (cronRestart "${text}")`),
        onError: (err) => this.opts.onError(app, err),
        timers: this.opts.cronTimers ?? realCronTimers,
      });
      return { text, schedule };
    } catch (err) {
      // A spec stored by another berth may hold an expression this one refuses: reported, not scheduled.
      this.opts.onError(app, err);
      return undefined;
    }
  }

  private watch(app: string, spec: ScheduleSpec): FileWatch {
    const watch = spec.watch!;
    return (this.opts.watchApp ?? watchApp)({
      watch,
      skip: watchSkips({ logDir: this.opts.logDir, logs: spec.logs }),
      onChange: (files) => void this.opts.restart(app, 'WatchRestart', describeWatchChange(files, watch.paths)).catch((err: unknown) => this.opts.onError(app, err)),
      onError: (err) => this.opts.onError(app, err),
    });
  }

  private close(app: string, handle: FileWatch): void {
    handle.close().catch((err: unknown) => this.opts.onError(app, err));
  }
}
