/**
 * A rolling restart the controller starts on its own (cronRestart ticks,
 * watched files changing): a `reload` request of every running instance,
 * so the planner replaces them one at a time, each replacement ready before
 * the next (as `berth reload`), with an event saying why.
 */
import { recordEvent } from './app-status.js';
import type { ReconcileContext } from './reconcile-context.js';

export type RestartCause = 'CronRestart' | 'WatchRestart';

export interface RollingRestartOptions {
  ctx: Pick<ReconcileContext, 'store' | 'supervisor' | 'requests' | 'logger'>;
  /** Reconciles the app now and waits until it is done. */
  reconcileAndWait: (name: string) => Promise<void>;
}

/**
 * Resolves once every instance was replaced. An app stopped with `berth
 * stop` (or with nothing running) is left alone: a schedule never starts
 * what a user stopped.
 *
 * @example await rollingRestart({ ctx, reconcileAndWait }, 'web', 'CronRestart', 'scheduled restart ("0 3 * * *")');
 */
export async function rollingRestart({ ctx, reconcileAndWait }: RollingRestartOptions, app: string, cause: RestartCause, message: string): Promise<void> {
  const record = ctx.store.apps.get(app);
  if (!record || record.kind !== 'App' || record.desiredState === 'stopped') return;
  const running = ctx.supervisor.actual(app).filter((instance) => instance.active).map((instance) => instance.index);
  if (running.length === 0) return;
  ctx.requests.request(app, 'reload', running);
  recordEvent(ctx.store, app, null, 'Normal', cause, message);
  ctx.logger.info({ app, reason: cause }, message);
  await reconcileAndWait(app);
}
