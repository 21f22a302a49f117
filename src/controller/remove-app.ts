/** An app or claim whose manifest is gone: every process stopped, ports freed, forgotten. */
import type { AppResource } from '../manifest/types.js';
import { recordedConfigFor } from './instance-config.js';
import { recordEvent } from './app-status.js';
import type { ReconcileContext } from './reconcile-context.js';

export async function removeApp(ctx: ReconcileContext, name: string): Promise<void> {
  const { store } = ctx;
  const record = store.apps.get(name);
  // Processes a previous controller left are adopted first, so they are stopped too.
  await ctx.supervisor.removeApp(name, record?.kind === 'App' ? recordedConfigFor(ctx, record.resource as AppResource) : undefined);
  ctx.requests.forget(name);
  // One commit for the ports, the rows and the event (a delete -f of 500 claims made 2,000).
  store.transaction(() => {
    if (record?.kind === 'PortClaim') ctx.ports.releaseClaim(name);
    else ctx.ports.releaseApp(name);
    store.overrides.clear(name);
    store.instanceStops.clear(name);
    store.apps.delete(name);
    recordEvent(store, name, null, 'Normal', 'Deleted', 'manifest removed: instances stopped, ports released');
  });
  ctx.logger.info({ app: name }, 'deleted');
}
