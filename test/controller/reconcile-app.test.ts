// The reconciler over a real in-memory store with fake ports and a fake
// supervisor: which processes it starts, replaces, keeps and stops.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import { AppReconciler } from '../../src/controller/reconcile-app.js';
import { RolloutRequests } from '../../src/controller/rollout-requests.js';
import { runAppAction } from '../../src/controller/app-actions.js';
import type { ReconcileContext } from '../../src/controller/reconcile-context.js';
import { parseManifestText } from '../../src/manifest/parse-manifest-text.js';
import type { DesiredState } from '../../src/manifest/load-manifest-dir.js';
import { ManifestError } from '../../src/errors.js';
import type { Store } from '../../src/store/store.js';
import { FakeSupervisor } from '../helpers/fake-supervisor.js';
import { FakePorts } from '../helpers/fake-ports.js';
import { memoryStore } from '../helpers/memory-store.js';

const buildEnv: ReconcileContext['buildEnv'] = ({ app, index, ports: p, specEnv }) => ({ env: { ...specEnv, BERTH_APP_NAME: app, BERTH_INSTANCE_ID: String(index), PORT: String(p.port) }, shadowed: 'PORT' in specEnv ? ['PORT'] : [] });

function context(store: Store, desired: () => DesiredState) {
  const supervisor = new FakeSupervisor(store);
  const ports = new FakePorts();
  const ctx: ReconcileContext = { store, ports, supervisor, logger: pino({ level: 'silent' }), logDir: '/tmp/logs', desired, buildEnv, requests: new RolloutRequests() };
  return { supervisor, ports, ctx, reconciler: new AppReconciler(ctx) };
}

function setup() {
  const store = memoryStore();
  let desired: DesiredState = { resources: new Map(), errors: [], files: new Map() };
  const { supervisor, ports, ctx, reconciler } = context(store, () => desired);
  /** What `berth restart|reload NAME [--port]` does, reconciling at once. */
  const act = (action: 'restart' | 'reload', port?: string) => runAppAction({ ctx, reconcileAndWait: (name) => reconciler.reconcile(name) }, 'web', action, { port });
  const declare = (yamlSpec: string, name = 'web', labels: Record<string, string> = {}) => {
    const text = `apiVersion: berth/v1\nkind: App\nmetadata: {name: ${name}, labels: ${JSON.stringify(labels)}}\nspec:\n  script: node\n${yamlSpec}`;
    const { resources, errors } = parseManifestText(text, `${name}.yaml`);
    assert.deepEqual(errors, []);
    desired = { resources: new Map([...desired.resources, [name, resources[0]!]]), errors: [], files: new Map([...desired.files, [`${name}.yaml`, { names: [name], errors: [] }]]) };
  };
  const breakFile = (name = 'web') => {
    const error = new ManifestError({ file: `${name}.yaml`, line: 5, col: 14 }, 'spec.instances: must be an integer');
    const resources = new Map(desired.resources);
    resources.delete(name);
    desired = { resources, errors: [error], files: new Map([[`${name}.yaml`, { names: [name], errors: [error] }]]) };
  };
  const drop = (name = 'web') => {
    const resources = new Map(desired.resources);
    resources.delete(name);
    const files = new Map(desired.files);
    files.delete(`${name}.yaml`);
    desired = { resources, errors: [], files };
  };
  return { store, supervisor, ports, reconciler, act, declare, breakFile, drop };
}

test('scale 2 → 4 starts two and keeps two; a second reconcile does nothing', async () => {
  const { supervisor, reconciler, declare } = setup();
  declare('  instances: 2\n  port: "3000-3003"\n');
  await reconciler.reconcile('web');
  declare('  instances: 4\n  port: "3000-3003"\n');
  await reconciler.reconcile('web');
  await reconciler.reconcile('web');
  assert.deepEqual(supervisor.log, ['start web/0 port=3000', 'start web/1 port=3001', 'start web/2 port=3002', 'start web/3 port=3003']);
});

test('a spec change on the same ports replaces each instance stop-first; new ports hand over start-first', async () => {
  const { supervisor, reconciler, declare } = setup();
  declare('  instances: 2\n  port: "3000-3001"\n');
  await reconciler.reconcile('web');
  const [first, second] = supervisor.handles;
  declare('  instances: 2\n  port: "3000-3001"\n  env: {A: "1"}\n');
  await reconciler.reconcile('web');
  assert.deepEqual(supervisor.log.slice(2), ['start web/0 port=3000', 'start web/1 port=3001']);
  assert.ok(first!.stopped && second!.stopped);

  declare('  instances: 2\n  port: "4000-4001"\n  env: {A: "1"}\n');
  await reconciler.reconcile('web');
  assert.deepEqual(supervisor.log.slice(4), ['replace web/0 port=4000', 'replace web/1 port=4001']);
});

test('a StartFirst replacement that never becomes ready is stopped and the old process keeps running', async () => {
  const { supervisor, reconciler, declare } = setup();
  declare('  port: 3000\n');
  await reconciler.reconcile('web');
  const old = supervisor.handles[0]!;
  supervisor.neverReady.add('web/0');
  declare('  port: 3005\n');
  await assert.rejects(reconciler.reconcile('web'), /did not become ready/);
  assert.equal(old.stopped, false);
  assert.equal(supervisor.handles[1]!.stopped, true);
  assert.equal(supervisor.get('web', 0), old);
});

test('labels alone restart nothing but reach the store', async () => {
  const { store, supervisor, reconciler, declare } = setup();
  declare('  port: 3000\n');
  await reconciler.reconcile('web');
  declare('  port: 3000\n', 'web', { tier: 'web' });
  await reconciler.reconcile('web');
  assert.deepEqual(supervisor.log, ['start web/0 port=3000']);
  assert.deepEqual(store.apps.get('web')?.labels, { tier: 'web' });
  assert.equal(store.apps.get('web')?.generation, 1);
});

test('an invalid manifest keeps the app; a removed one stops it and releases its ports', async () => {
  const { store, supervisor, ports, reconciler, declare, breakFile, drop } = setup();
  declare('  instances: 2\n  port: "3000-3001"\n');
  await reconciler.reconcile('web');
  breakFile();
  await reconciler.reconcile('web');
  assert.equal(supervisor.handles.some((h) => h.stopped), false);
  const condition = store.apps.get('web')!.conditions.find((c) => c.type === 'ManifestValid');
  assert.deepEqual([condition?.status, condition?.message], ['False', 'web.yaml:5:14: spec.instances: must be an integer']);
  drop();
  await reconciler.reconcile('web');
  assert.ok(supervisor.handles.every((h) => h.stopped));
  assert.deepEqual(ports.released, ['web'], 'every port of the app released at once');
  assert.equal(store.apps.get('web'), undefined);
  assert.deepEqual(store.instances.list('web'), []);
});

test('recorded processes are adopted, not started again', async () => {
  const { store, supervisor, reconciler, declare } = setup();
  declare('  port: 3000\n');
  await reconciler.reconcile('web');
  const row = store.instances.list('web')[0]!;
  // what the real supervisor records once the process runs
  store.instances.update('web', 0, { pid: 4242, startTime: '99', status: 'online' });
  store.db.prepare("INSERT INTO port_allocations (protocol, port, owner, owner_kind, instance, role, allocated_at) VALUES ('tcp', 3000, 'web', 'app', 0, 'port', 0)").run();
  const sharedStore = store;
  const fresh = context(sharedStore, () => ({ resources: new Map([['web', sharedStore.apps.get('web')!.resource]]), errors: [], files: new Map() }));
  const adopter = fresh.reconciler;
  await adopter.reconcile('web');
  assert.equal(row.index, 0);
  assert.deepEqual(fresh.supervisor.log, ['adopt web/0 port=3000']);
  assert.equal(fresh.supervisor.handles[0]!.adopt?.pid, 4242);
  assert.equal(supervisor.log.length, 1);
});

test('a port override holds until the spec changes; a range override sets the instance count', async () => {
  const { store, supervisor, reconciler, act, declare } = setup();
  declare('  port: 3000\n');
  await reconciler.reconcile('web');
  await act('restart', '4000-4003');
  assert.deepEqual(supervisor.log.slice(1), ['replace web/0 port=4000', 'start web/1 port=4001', 'start web/2 port=4002', 'start web/3 port=4003']);
  assert.equal(store.overrides.get('web')?.instances, 4);
  declare('  port: 3000\n  env: {A: "2"}\n');
  await reconciler.reconcile('web');
  assert.equal(store.overrides.get('web'), undefined);
  assert.equal(store.events.list('web').some((e) => e.reason === 'OverrideCleared'), true);
  assert.equal(store.instances.list('web').length, 1);
});

test('spec.env setting an injected variable records a warning event once', async () => {
  const { store, reconciler, declare } = setup();
  declare('  instances: 2\n  port: "3000-3001"\n  env: {PORT: "3000"}\n');
  await reconciler.reconcile('web');
  await reconciler.reconcile('web');
  const warnings = store.events.list('web').filter((e) => e.reason === 'EnvShadowed');
  assert.equal(warnings.length, 1);
  assert.match(warnings[0]!.message, /spec\.env sets PORT/);
});
