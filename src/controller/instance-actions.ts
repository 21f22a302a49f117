/**
 * Actions on one instance of an app (`berth restart web/2`, PM2's
 * `pm2 restart 3`): restart or reload just that instance, stop it (kept in
 * the store until `berth start web/2` or an action on the whole app), or
 * start it. Like app actions, this only records what is wanted (instance
 * stops, rollout requests) and lets the planner do the work.
 */
import type { AppAction } from '../api/api-types.js';
import { BerthError, NotFoundError, UsageError } from '../errors.js';
import { desiredApp } from './app-actions.js';
import { effectiveApp } from './runtime-override.js';
import { recordEvent } from './app-status.js';
import { refuseWithoutSocket } from './socket-status.js';
import type { ReconcileContext } from './reconcile-context.js';

const DONE: Record<AppAction, string> = { restart: 'restarted', reload: 'reloaded', stop: 'stopped', start: 'started' };
const REASON: Record<AppAction, string> = { restart: 'Restarted', reload: 'Reloaded', stop: 'Stopped', start: 'Started' };

/**
 * @example await actOnInstance(ctx, reconcileAndWait, 'web', 2, 'restart', {}) → {message: 'app/web instance 2 restarted'}
 */
export async function actOnInstance(ctx: ReconcileContext, reconcileAndWait: (name: string) => Promise<void>, name: string, index: number, action: AppAction, { port }: { port?: string }): Promise<{ message: string }> {
  const { store } = ctx;
  if (port !== undefined) throw new UsageError(`--port applies to a whole app (its instances share one port spec); drop /${index}`);
  const resource = desiredApp(ctx, name);
  const record = store.apps.get(name);
  if (!record) throw new BerthError('NOT_FOUND', `app "${name}" is not reconciled yet`);
  const count = effectiveApp(resource, store.overrides.get(name)).instances;
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new NotFoundError(`instance ${index} of app "${name}" (it has ${count === 1 ? 'instance 0' : count === 0 ? 'no instances' : `instances 0-${count - 1}`})`);
  }
  await refuseWithoutSocket(ctx, name, action);
  if (action === 'stop') {
    store.instanceStops.set(name, index, true);
  } else {
    if (record.desiredState === 'stopped') {
      // PM2: starting one process of a stopped app runs that one only.
      for (let other = 0; other < count; other++) if (other !== index) store.instanceStops.set(name, other, true);
      store.apps.setDesiredState(name, 'running');
    }
    store.instanceStops.set(name, index, false);
    ctx.requests.request(name, action, [index]);
  }
  recordEvent(store, name, index, 'Normal', REASON[action], `instance ${index}: ${action} by \`berth ${action} ${name}/${index}\``);
  await reconcileAndWait(name);
  return { message: `app/${name} instance ${index} ${DONE[action]}` };
}
