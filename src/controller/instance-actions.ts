/**
 * Actions on one instance of an app (`berth restart web/2`, PM2's
 * `pm2 restart 3`): restart or reload just that instance, stop it (kept in
 * the store until `berth start web/2` or an action on the whole app), or
 * start it. The planner does the work; this only records what is wanted.
 */
import type { Store } from '../store/store.js';
import type { AppAction } from '../api/api-types.js';
import type { AppReconciler } from './app-reconciler.js';
import type { RuntimeInstances } from './runtime-instances.js';
import { BerthError, NotFoundError, UsageError } from '../errors.js';

export interface InstanceActionDeps {
  store: Store;
  reconciler: AppReconciler;
  runtime: RuntimeInstances;
  /** Enqueues the app and resolves once it is reconciled. */
  reconcileAndWait: (name: string) => Promise<void>;
}

const DONE: Record<AppAction, string> = { restart: 'restarted', reload: 'reloaded', stop: 'stopped', start: 'started' };

/**
 * @example await actOnInstance(deps, 'web', 2, 'restart', {}) → {message: 'app/web instance 2 restarted'}
 */
export async function actOnInstance(deps: InstanceActionDeps, name: string, index: number, action: AppAction, { port }: { port?: string }): Promise<{ message: string }> {
  const { store, reconciler, runtime } = deps;
  if (port !== undefined) throw new UsageError(`--port applies to a whole app (its instances share one port spec); drop /${index}`);
  const resource = reconciler.desiredApp(name);
  const record = store.apps.get(name);
  if (!record) throw new BerthError('NOT_FOUND', `app "${name}" is not reconciled yet`);
  const count = reconciler.effective(resource).instances;
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new NotFoundError(`instance ${index} of app "${name}" (it has ${count === 1 ? 'instance 0' : count === 0 ? 'no instances' : `instances 0-${count - 1}`})`);
  }
  if (action === 'stop') {
    store.instanceStops.set(name, index, true);
  } else {
    if (record.desiredState === 'stopped') {
      // PM2: starting one process of a stopped app runs that one only.
      for (let other = 0; other < count; other++) if (other !== index) store.instanceStops.set(name, other, true);
      store.apps.setDesiredState(name, 'running');
    }
    store.instanceStops.set(name, index, false);
    const current = runtime.get(name, index);
    const active = current !== undefined && !['stopped', 'errored'].includes(current.handle.snapshot().status);
    if (action === 'reload') reconciler.markForReplace(name, index);
    // An instance that is not running is started by the reconcile below; restarting it would count twice.
    else if (action === 'restart' && active) current.handle.restart();
  }
  reconciler.event(name, index, 'Normal', action === 'stop' ? 'Stopped' : action === 'start' ? 'Started' : action === 'reload' ? 'Reloaded' : 'Restarted', `instance ${index}: ${action} by \`berth ${action} ${name}/${index}\``);
  await deps.reconcileAndWait(name);
  return { message: `app/${name} instance ${index} ${DONE[action]}` };
}
