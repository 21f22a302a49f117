// The Ready condition from the instances' live statuses (rows only where
// nothing runs here), leaving out instances stopped one by one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { updateReadyCondition } from '../../src/controller/ready-condition.js';
import { parseManifestText } from '../../src/manifest/parse-manifest-text.js';
import type { InstanceSnapshot } from '../../src/instance/types.js';
import { memoryStore } from '../helpers/memory-store.js';

function storeWithApp() {
  const store = memoryStore();
  store.apps.upsert(parseManifestText('apiVersion: berth/v1\nkind: App\nmetadata: {name: web}\nspec: {script: node, instances: 3}\n', 'web.yaml').resources[0]!);
  for (const index of [0, 1, 2]) store.instances.upsert('web', index, { specHash: 'h1', status: 'pending' });
  return store;
}

const ready = (store: ReturnType<typeof memoryStore>) => store.apps.get('web')!.conditions.find((c) => c.type === 'Ready');

test('live statuses first, the row\'s where nothing runs here; an instance stopped by `berth stop web/2` is left out', () => {
  const store = storeWithApp();
  store.instances.upsert('web', 1, { specHash: 'h1', status: 'crashloop' });
  store.instanceStops.set('web', 2, true);
  updateReadyCondition(store, 'web', (_app, index) => (index === 0 ? ({ status: 'online' } as InstanceSnapshot) : undefined));
  assert.deepEqual([ready(store)?.status, ready(store)?.reason, ready(store)?.message], ['False', 'InstancesFailing', '1/2 ready']);
});

test('every instance running here: no row record is read', () => {
  const store = storeWithApp();
  const get = store.instances.get.bind(store.instances);
  const list = store.instances.list.bind(store.instances);
  let reads = 0;
  store.instances.get = (app, index) => (reads++, get(app, index));
  store.instances.list = (app) => (reads++, list(app));
  updateReadyCondition(store, 'web', () => ({ status: 'online' }) as InstanceSnapshot);
  assert.deepEqual([ready(store)?.status, ready(store)?.reason, ready(store)?.message], ['True', 'AllReady', '3/3 ready']);
  assert.equal(reads, 0);
});
