/**
 * The runtime actions `berth stop|start|restart|reload NAME [--port SPEC]`:
 * each records what is wanted (desired state, runtime override, rollout
 * requests) and lets a reconcile do it, so an action and a manifest edit go
 * through the same planner.
 */
import type { AppResource } from '../manifest/types.js';
import type { AppAction } from '../api/api-types.js';
import { BerthError, NotFoundError } from '../errors.js';
import { newOverride } from './runtime-override.js';
import { recordEvent } from './app-status.js';
import { refuseWithoutSocket } from './socket-status.js';
import type { ReconcileContext } from './reconcile-context.js';

export interface AppActionsOptions {
  ctx: ReconcileContext;
  /** Reconciles the app now and waits until it is done; throws the port error if ports could not be allocated. */
  reconcileAndWait: (name: string) => Promise<void>;
}

/** The App resource `name` runs: from the manifests, else the last good spec in the store. */
export function desiredApp(ctx: ReconcileContext, name: string): AppResource {
  const resource = ctx.desired().resources.get(name) ?? ctx.store.apps.get(name)?.resource;
  if (!resource) throw new NotFoundError(`app "${name}"`);
  if (resource.kind !== 'App') throw new BerthError('USAGE', `"${name}" is a PortClaim; it runs nothing`);
  return resource;
}

export async function runAppAction({ ctx, reconcileAndWait }: AppActionsOptions, name: string, action: AppAction, { port }: { port?: string }): Promise<{ message: string }> {
  const { store } = ctx;
  const resource = desiredApp(ctx, name);
  if (!store.apps.get(name)) throw new BerthError('NOT_FOUND', `app "${name}" is not reconciled yet`);
  await refuseWithoutSocket(ctx, name, action);
  // An action on the whole app ends the stops of single instances, as `pm2 restart all` starts stopped ones.
  if (action !== 'stop') store.instanceStops.clear(name);
  switch (action) {
    case 'stop':
    case 'start': {
      const done = action === 'stop' ? 'stopped' : 'started';
      store.apps.setDesiredState(name, action === 'stop' ? 'stopped' : 'running');
      if (action === 'start') ctx.requests.request(name, 'start', ctx.supervisor.actual(name).map((instance) => instance.index));
      recordEvent(store, name, null, 'Normal', action === 'stop' ? 'Stopped' : 'Started', `${done} by \`berth ${action}\``);
      await reconcileAndWait(name);
      return { message: `app/${name} ${done}` };
    }
    case 'restart':
    case 'reload': {
      if (port !== undefined) {
        const override = newOverride(resource, port);
        // Validate and allocate first: a --port that cannot be had changes nothing and stores nothing.
        await ctx.ports.ensureAppPorts(name, { port: override.port, instances: override.instances ?? resource.spec.instances, demand: resource.spec.ports });
        store.overrides.set(name, override);
        recordEvent(store, name, null, 'Normal', 'PortOverride', `runtime port override ${override.port} (manifest: ${resource.spec.port ?? 'none'})`);
      }
      store.apps.setDesiredState(name, 'running');
      const indexes = ctx.supervisor.actual(name).map((instance) => instance.index);
      if (action === 'reload') ctx.requests.request(name, 'reload', indexes);
      else if (port === undefined) ctx.requests.request(name, 'restart', indexes);
      recordEvent(store, name, null, 'Normal', action === 'reload' ? 'Reloaded' : 'Restarted', `${action}${port ? ` on port ${port}` : ''} requested`);
      await reconcileAndWait(name);
      return { message: `app/${name} ${action === 'reload' ? 'reloaded' : 'restarted'}` };
    }
  }
}
