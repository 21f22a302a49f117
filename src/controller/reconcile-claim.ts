/** Reconciles a PortClaim: its ports reserved (sticky), Ready once they are. */
import type { PortClaimResource } from '../manifest/types.js';
import { reportPortFailure } from './app-status.js';
import { formatInstancePorts } from '../ports/port-text.js';
import type { ReconcileContext } from './reconcile-context.js';

export async function reconcileClaim(ctx: ReconcileContext, claim: PortClaimResource, generation: number): Promise<void> {
  const name = claim.metadata.name;
  const { store } = ctx;
  try {
    const ports = await ctx.ports.ensureClaim(name, claim.spec);
    store.apps.setCondition(name, { type: 'PortsAllocated', status: 'True', reason: 'Allocated', message: formatInstancePorts(ports) });
  } catch (err) {
    reportPortFailure(store, ctx.logger, name, err);
    throw err;
  }
  store.apps.setCondition(name, { type: 'Ready', status: 'True', reason: 'Allocated', message: 'ports reserved' });
  store.apps.setObservedGeneration(name, generation);
}
