/**
 * The Ready condition of an app from its instances' statuses: True when every
 * desired instance is online, with a message like kubectl's "3/4 ready".
 */
import type { Store } from '../store/store.js';
import type { LiveLookup } from './instance-views.js';
import { WAITING_FOR_DEPENDENCY } from './dependency-waits.js';

export function updateReadyCondition(store: Store, app: string, live: LiveLookup): void {
  const record = store.apps.get(app);
  if (!record || record.kind !== 'App') return;
  // Instances stopped one by one (`berth stop web/2`) are wanted stopped: they do not make the app unready.
  const held = new Set(store.instanceStops.list(app));
  // A row's record is read only when nothing runs for it here: the resync writes this for every app.
  const indexes = store.instances.indexes(app).filter((index) => !held.has(index));
  const statuses = indexes.map((index) => live(app, index)?.status ?? store.instances.get(app, index)?.status ?? 'pending');
  const online = statuses.filter((s) => s === 'online').length;
  const total = statuses.length;
  if (record.desiredState === 'stopped') {
    store.apps.setCondition(app, { type: 'Ready', status: 'False', reason: 'Stopped', message: 'stopped by `berth stop`' });
    return;
  }
  const failing = statuses.filter((s) => s === 'crashloop' || s === 'errored').length;
  const ready = online === total && total > 0;
  const waiting = record.conditions.some((c) => c.type === 'Progressing' && c.reason === WAITING_FOR_DEPENDENCY);
  store.apps.setCondition(app, {
    type: 'Ready',
    status: ready || total === 0 ? 'True' : 'False',
    reason: ready ? 'AllReady' : total === 0 ? 'NoInstances' : failing ? 'InstancesFailing' : waiting ? WAITING_FOR_DEPENDENCY : 'InstancesStarting',
    message: `${online}/${total} ready`,
  });
}
