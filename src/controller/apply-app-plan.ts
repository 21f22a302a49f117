/**
 * Carries out one app's plan through the instance layer, in order: start,
 * replace (rolling, one instance at a time), restart, halt, remove. Each
 * done index's request (from the snapshot planned with) is settled, so a
 * failed step retries only what is left.
 */
import type { AppResource } from '../manifest/types.js';
import { samePorts, type InstancePorts } from '../ports/types.js';
import type { ActualInstance, AppAction } from './plan-app.js';
import { instanceConfig } from './instance-config.js';
import { recordEvent } from './app-status.js';
import type { ReconcileContext } from './reconcile-context.js';
import type { RolloutSnapshot } from './rollout-requests.js';

export async function applyAppPlan(ctx: ReconcileContext, resource: AppResource, actions: AppAction[], ports: InstancePorts[], actual: ActualInstance[], asked: RolloutSnapshot): Promise<void> {
  const name = resource.metadata.name;
  const current = new Map(actual.map((instance) => [instance.index, instance]));
  for (const action of actions) {
    const instancePorts = ports[action.index] ?? { tcp: [], udp: [] };
    switch (action.type) {
      case 'start':
        ctx.supervisor.start(instanceConfig(ctx, resource, action.index, instancePorts));
        break;
      case 'replace': {
        // On the same ports two processes can only both listen with SO_REUSEPORT: the old one stops first unless the app says it shares.
        // On berth's socket (spec.socket) both hold the one socket: StartFirst.
        const old = current.get(action.index);
        const order = resource.spec.reloadOrder ?? (old && samePorts(old.ports, instancePorts) && !resource.spec.socket ? 'StopFirst' : 'StartFirst');
        await ctx.supervisor.replace(instanceConfig(ctx, resource, action.index, instancePorts), { order });
        break;
      }
      case 'restart':
        ctx.supervisor.restart(name, action.index);
        break;
      case 'halt':
        await ctx.supervisor.halt(name, action.index);
        break;
      case 'remove':
        await ctx.supervisor.remove(name, action.index);
        ctx.ports.releaseInstance(name, action.index);
        recordEvent(ctx.store, name, action.index, 'Normal', 'ScaledDown', `instance ${action.index} removed`);
        break;
    }
    ctx.requests.done(name, action.index, asked.get(action.index));
  }
}
