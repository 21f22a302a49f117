// The reconciler over a real in-memory store with fake ports and a fake
// supervisor: which processes it starts, replaces, keeps and stops.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import pino from 'pino';
import { migrate } from '../../src/store/migrations.js';
import { Store } from '../../src/store/store.js';
import { AppReconciler } from '../../src/controller/app-reconciler.js';
import { RuntimeInstances } from '../../src/controller/runtime-instances.js';
import type { InstanceConfig, InstanceHandleDep, InstanceSnapshot, PortsDep, SupervisorDep, AdoptedProcess } from '../../src/controller/controller-deps.js';
import type { InstancePorts } from '../../src/controller/plan-app.js';
import { parseManifestText } from '../../src/manifest/parse-manifest-text.js';
import type { DesiredState } from '../../src/manifest/load-manifest-dir.js';
import { ManifestError } from '../../src/errors.js';

class FakeHandle implements InstanceHandleDep {
  status: InstanceSnapshot['status'] = 'online';
  stopped = false;
  listeners = new Set<(s: InstanceSnapshot) => void>();
  constructor(readonly key: string, readonly config: InstanceConfig, readonly pid: number, private readonly ready: boolean, readonly adopt?: AdoptedProcess) {
    if (!ready) this.status = 'starting';
  }
  snapshot(): InstanceSnapshot {
    return { status: this.status, pid: this.stopped ? null : this.pid, restarts: 0, startedAt: 0, ready: this.status === 'online', lastExitCode: null, lastExitSignal: null, lastError: null };
  }
  async stop(): Promise<void> {
    this.stopped = true;
    this.status = 'stopped';
  }
  restart(): void {}
  async waitReady(): Promise<void> {
    if (!this.ready) throw new Error('never became ready');
  }
  subscribe(fn: (s: InstanceSnapshot) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}

class FakeSupervisor implements SupervisorDep {
  nextPid = 1000;
  log: string[] = [];
  handles: FakeHandle[] = [];
  /** Replacements of these (app/index) never become ready. */
  neverReady = new Set<string>();
  start(config: InstanceConfig, adopt?: AdoptedProcess): FakeHandle {
    const handle = new FakeHandle(`${config.app}/${config.index}`, config, adopt?.pid ?? this.nextPid++, true, adopt);
    this.log.push(`${adopt ? 'adopt' : 'start'} ${config.app}/${config.index} port=${config.port ?? '-'}`);
    this.handles.push(handle);
    return handle;
  }
  startReplacement(config: InstanceConfig): FakeHandle {
    const key = `${config.app}/${config.index}`;
    const handle = new FakeHandle(`${key}#1`, config, this.nextPid++, !this.neverReady.has(key));
    this.log.push(`replace ${key} port=${config.port ?? '-'}`);
    this.handles.push(handle);
    return handle;
  }
  async remove(app: string, index: number): Promise<void> {
    this.log.push(`remove ${app}/${index}`);
    for (const h of this.handles) if (h.key.startsWith(`${app}/${index}`)) await h.stop();
  }
  async stopAll(): Promise<void> {}
  detachAll(): void {}
}

/** Ports from a range spec, or sequential from 20000; records releases. */
class FakePorts implements PortsDep {
  released: string[] = [];
  async ensureAppPorts(_app: string, req: { port?: string; instances: number }): Promise<InstancePorts[]> {
    const start = req.port ? Number(req.port.replace(/^auto:/, '').split('-')[0]) : 20000;
    return Array.from({ length: req.instances }, (_, i) => ({ port: start + i, tcp: [], udp: [] }));
  }
  releaseInstance(app: string, index: number): void {
    this.released.push(`${app}/${index}`);
  }
  releaseApp(app: string): void {
    this.released.push(app);
  }
  async ensureClaim() {
    return { tcp: [], udp: [] };
  }
  releaseClaim(): void {}
}

function setup() {
  const db = new Database(':memory:');
  migrate(db);
  const store = new Store(db);
  const supervisor = new FakeSupervisor();
  const ports = new FakePorts();
  let desired: DesiredState = { resources: new Map(), errors: [], files: new Map() };
  const runtime = new RuntimeInstances();
  const reconciler = new AppReconciler({
    store, ports, supervisor, runtime, logger: pino({ level: 'silent' }), logDir: '/tmp/logs',
    desired: () => desired,
    buildEnv: ({ app, index, ports: p, specEnv }) => ({ env: { ...specEnv, BERTH_APP_NAME: app, PORT: String(p.port) }, shadowed: 'PORT' in specEnv ? ['PORT'] : [] }),
    onInstanceChange: () => {},
  });
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
  return { store, supervisor, ports, runtime, reconciler, declare, breakFile, drop };
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
  const { supervisor, reconciler, declare, runtime } = setup();
  declare('  port: 3000\n');
  await reconciler.reconcile('web');
  const old = supervisor.handles[0]!;
  supervisor.neverReady.add('web/0');
  declare('  port: 3005\n');
  await assert.rejects(reconciler.reconcile('web'), /did not become ready/);
  assert.equal(old.stopped, false);
  assert.equal(supervisor.handles[1]!.stopped, true);
  assert.equal(runtime.get('web', 0)?.handle, old);
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
  assert.deepEqual(ports.released.sort(), ['web', 'web/0', 'web/1']);
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
  const fresh = setup();
  const sharedStore = store;
  const adopter = new AppReconciler({
    store: sharedStore, ports: fresh.ports, supervisor: fresh.supervisor, runtime: new RuntimeInstances(), logger: pino({ level: 'silent' }), logDir: '/tmp/logs',
    desired: () => ({ resources: new Map([['web', sharedStore.apps.get('web')!.resource]]), errors: [], files: new Map() }),
    buildEnv: ({ specEnv }) => ({ env: specEnv, shadowed: [] }),
    onInstanceChange: () => {},
  });
  await adopter.reconcile('web');
  assert.equal(row.index, 0);
  assert.deepEqual(fresh.supervisor.log, ['adopt web/0 port=3000']);
  assert.equal(fresh.supervisor.handles[0]!.adopt?.pid, 4242);
  assert.equal(supervisor.log.length, 1);
});

test('a port override holds until the spec changes; a range override sets the instance count', async () => {
  const { store, supervisor, reconciler, declare } = setup();
  declare('  port: 3000\n');
  await reconciler.reconcile('web');
  const resource = reconciler.desiredApp('web');
  await reconciler.setOverride(resource, '4000-4003');
  await reconciler.reconcile('web');
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
