/**
 * Reconciles one app: reads desired (manifests + runtime overrides) and
 * actual (runtime instances + store), asks the pure planner what to do, and
 * does it through the ports, supervisor and store adapters. Runs under the
 * work queue, so never twice at once for one app.
 */
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import type { AppResource, PortClaimResource, Resource } from '../manifest/types.js';
import type { DesiredState } from '../manifest/load-manifest-dir.js';
import { planApp, samePorts, type InstancePorts } from './plan-app.js';
import type { InstanceConfig, InstanceHandleDep, PortsDep, SupervisorDep } from './controller-deps.js';
import type { RuntimeInstances } from './runtime-instances.js';
import { manifestErrorsFor } from './desired-diff.js';
import { BerthError, NotFoundError } from '../errors.js';
import { overrideKey } from './override-key.js';
import { HOME_MARKER } from '../process/orphaned-processes.js';
import { heldPortsByInstance } from '../store/instance-ports-query.js';
import { checkPortSpecFits, parsePortSpec, formatPortSpec } from '../ports/port-spec.js';

export type BuildEnv = (input: { app: string; index: number; ports: InstancePorts; specEnv: Record<string, string> }) => {
  env: Record<string, string>;
  shadowed: string[];
};

export interface AppReconcilerDeps {
  store: Store;
  ports: PortsDep;
  supervisor: SupervisorDep;
  runtime: RuntimeInstances;
  logger: Logger;
  logDir: string;
  /** The berth home, set as BERTH_HOME in every instance's environment. */
  home?: string;
  desired: () => DesiredState;
  buildEnv: BuildEnv;
  /** Called whenever an instance's snapshot changes (status → conditions). */
  onInstanceChange: (app: string) => void;
}

interface Effective {
  port?: string;
  instances: number;
  override: { port: string | null; instances: number | null } | null;
}

export class AppReconciler {
  /** Apps for which `reload` asked every instance to be replaced, even with an unchanged spec. */
  private readonly forceReplace = new Map<string, Set<number>>();
  /** Apps whose spec changed since their env was last checked for shadowed variables. */
  private readonly pendingShadowCheck = new Set<string>();

  constructor(private readonly deps: AppReconcilerDeps) {}

  private get store(): Store {
    return this.deps.store;
  }

  effective(resource: AppResource): Effective {
    const override = this.store.overrides.get(resource.metadata.name);
    if (override && override.specHash === overrideKey(resource)) {
      return {
        port: override.port ?? resource.spec.port,
        instances: override.instances ?? resource.spec.instances,
        override: { port: override.port, instances: override.instances },
      };
    }
    return { port: resource.spec.port, instances: resource.spec.instances, override: null };
  }

  async reconcile(name: string): Promise<void> {
    const desiredState = this.deps.desired();
    const desired = desiredState.resources.get(name);
    const errors = manifestErrorsFor(desiredState, name);
    const record = this.store.apps.get(name);
    const log = this.deps.logger.child({ app: name });

    if (record) {
      const changed = this.store.apps.setCondition(name, errors.length
        ? { type: 'ManifestValid', status: 'False', reason: 'InvalidManifest', message: errors[0]! }
        : { type: 'ManifestValid', status: 'True', reason: 'Valid', message: '' });
      if (changed && errors.length) {
        this.event(name, null, 'Warning', 'InvalidManifest', `${errors[0]!}; keeping the last good spec`);
        log.warn({ errors }, 'manifest invalid; keeping the last good spec');
      }
    }
    if (!desired) {
      // A broken file still naming the app keeps it running on its last good spec.
      if (record && errors.length === 0) await this.removeApp(name);
      else if (record) this.store.apps.setObservedGeneration(name, record.generation);
      return;
    }
    if (desired.kind === 'PortClaim') return this.reconcileClaim(desired);
    return this.reconcileApp(desired, errors);
  }

  private recordSpec(resource: Resource): number {
    const name = resource.metadata.name;
    const { record, change } = this.store.apps.upsert(resource);
    if (change === 'created') this.event(name, null, 'Normal', 'Created', `${resource.kind.toLowerCase()} created from ${resource.source.file}`);
    if (change === 'configured') this.event(name, null, 'Normal', 'Configured', `spec changed (generation ${record.generation})`);
    if (change !== 'unchanged' && resource.kind === 'App') {
      const override = this.store.overrides.get(name);
      if (override && override.specHash !== overrideKey(resource)) {
        this.store.overrides.clear(name);
        this.event(name, null, 'Normal', 'OverrideCleared', `runtime port override ${override.port ?? ''} dropped: the manifest's spec changed`);
      }
      this.pendingShadowCheck.add(name);
    }
    return record.generation;
  }

  private async reconcileClaim(claim: PortClaimResource): Promise<void> {
    const name = claim.metadata.name;
    const generation = this.recordSpec(claim);
    try {
      const ports = await this.deps.ports.ensureClaim(name, claim.spec);
      this.store.apps.setCondition(name, { type: 'PortsAllocated', status: 'True', reason: 'Allocated', message: describePorts(ports) });
    } catch (err) {
      this.portFailure(name, err);
      throw err;
    }
    this.store.apps.setCondition(name, { type: 'Ready', status: 'True', reason: 'Allocated', message: 'ports reserved' });
    this.store.apps.setObservedGeneration(name, generation);
  }

  private portFailure(name: string, err: unknown): void {
    const message = err instanceof Error ? err.message : String(err);
    if (this.store.apps.setCondition(name, { type: 'PortsAllocated', status: 'False', reason: err instanceof BerthError ? err.code : 'Error', message })) {
      this.event(name, null, 'Warning', 'PortConflict', message);
      this.deps.logger.warn({ app: name }, message);
    }
  }

  private async reconcileApp(resource: AppResource, manifestErrors: string[]): Promise<void> {
    const name = resource.metadata.name;
    const generation = this.recordSpec(resource);
    this.adoptRecorded(resource);
    const effective = this.effective(resource);
    const record = this.store.apps.get(name)!;
    const stopped = record.desiredState === 'stopped';

    // Like Pods, instances exist (pending) before they can run, so `list` shows them waiting on ports.
    for (let index = 0; index < effective.instances && !stopped; index++) {
      if (!this.store.instances.get(name, index)) this.store.instances.upsert(name, index, { specHash: resource.specHash, status: 'pending' });
    }
    let ports: InstancePorts[];
    try {
      ports = await this.deps.ports.ensureAppPorts(name, { port: effective.port, instances: effective.instances, demand: resource.spec.ports });
    } catch (err) {
      this.portFailure(name, err);
      throw err;
    }
    if (this.store.apps.setCondition(name, { type: 'PortsAllocated', status: 'True', reason: 'Allocated', message: ports.map((p, i) => `${i}: ${describePorts(p)}`).join('; ') })) {
      this.event(name, null, 'Normal', 'Allocated', `ports ${ports.map((p) => describePorts(p)).join(', ')}`);
    }

    if (this.pendingShadowCheck.delete(name)) {
      const { shadowed } = this.deps.buildEnv({ app: name, index: 0, ports: ports[0] ?? { tcp: [], udp: [] }, specEnv: resource.spec.env });
      if (shadowed.length) {
        this.event(name, null, 'Warning', 'EnvShadowed', `spec.env sets ${shadowed.join(', ')}, which berth injects per instance; the injected value wins`);
      }
    }
    const forced = this.forceReplace.get(name);
    const actual = this.deps.runtime.actual(name).map((instance) =>
      forced?.has(instance.index) ? { ...instance, specHash: `${instance.specHash}~reload` } : instance,
    );
    this.store.instanceStops.clear(name, effective.instances);
    const stoppedInstances = this.store.instanceStops.list(name);
    const actions = planApp({ instances: effective.instances, specHash: resource.specHash, stopped, stoppedInstances, ports }, actual);
    if (actions.length) this.store.apps.setCondition(name, { type: 'Progressing', status: 'True', reason: 'Reconciling', message: actions.map((a) => `${a.type} ${a.index}`).join(', ') });
    for (const action of actions) {
      const instancePorts = ports[action.index] ?? { tcp: [], udp: [] };
      switch (action.type) {
        case 'start':
          await this.stopRuntime(name, action.index);
          this.startInstance(resource, action.index, instancePorts);
          break;
        case 'replace':
          await this.replaceInstance(resource, action.index, instancePorts);
          forced?.delete(action.index);
          break;
        case 'halt':
          await this.stopRuntime(name, action.index);
          this.store.instances.update(name, action.index, { status: 'stopped', pid: null, startTime: null });
          break;
        case 'remove':
          await this.removeInstance(name, action.index);
          this.event(name, action.index, 'Normal', 'ScaledDown', `instance ${action.index} removed`);
          break;
      }
    }
    for (const row of this.store.instances.list(name)) {
      if (row.index >= effective.instances && !this.deps.runtime.get(name, row.index)) this.store.instances.delete(name, row.index);
    }
    if (forced && forced.size === 0) this.forceReplace.delete(name);
    this.store.apps.setCondition(name, { type: 'Progressing', status: 'False', reason: 'Reconciled', message: `generation ${generation} reconciled` });
    if (manifestErrors.length === 0) this.store.apps.setObservedGeneration(name, generation);
    this.deps.onInstanceChange(name);
  }

  /** Instances the store says run (a previous controller's) but nobody supervises yet: adopt them. */
  private adoptRecorded(resource: AppResource): void {
    const name = resource.metadata.name;
    for (const row of this.store.instances.list(name)) {
      if (this.deps.runtime.get(name, row.index) || row.pid === null || row.startTime === null) continue;
      const ports = this.recordedPorts(name, row.index);
      const config = this.configFor(resource, row.index, ports);
      const handle = this.deps.supervisor.start({ ...config, specHash: row.specHash }, { pid: row.pid, startTime: row.startTime, startedAt: row.startedAt, restarts: row.restarts });
      this.track(name, row.index, handle, row.specHash, ports);
      this.deps.logger.info({ app: name, instance: row.index, pid: row.pid }, 'adopting running process');
    }
  }

  /** The ports the store holds for an instance (what an adopted process was started with). */
  private recordedPorts(app: string, index: number): InstancePorts {
    return heldPortsByInstance(this.store.db, app).get(`${app}/${index}`) ?? { tcp: [], udp: [] };
  }

  private configFor(resource: AppResource, index: number, ports: InstancePorts): InstanceConfig {
    const { env } = this.deps.buildEnv({ app: resource.metadata.name, index, ports, specEnv: resource.spec.env });
    // Marks the process as this home's, so a controller can find it even if the store never learnt its PID.
    if (this.deps.home !== undefined) env[HOME_MARKER] = this.deps.home;
    return {
      app: resource.metadata.name,
      index,
      spec: resource.spec,
      specHash: resource.specHash,
      env,
      port: ports.port ?? ports.tcp[0],
      logDir: this.deps.logDir,
    };
  }

  private track(app: string, index: number, handle: InstanceHandleDep, specHash: string, ports: InstancePorts): void {
    const unsubscribe = handle.subscribe(() => this.deps.onInstanceChange(app));
    this.deps.runtime.set(app, index, { handle, specHash, ports, unsubscribe });
  }

  private startInstance(resource: AppResource, index: number, ports: InstancePorts) {
    const handle = this.deps.supervisor.start(this.configFor(resource, index, ports));
    this.track(resource.metadata.name, index, handle, resource.specHash, ports);
    return handle;
  }

  private async removeInstance(app: string, index: number): Promise<void> {
    this.deps.runtime.delete(app, index);
    await this.deps.supervisor.remove(app, index);
    this.deps.ports.releaseInstance(app, index);
    this.store.instances.delete(app, index);
  }

  private async stopRuntime(app: string, index: number): Promise<void> {
    const current = this.deps.runtime.get(app, index);
    if (!current) return;
    await current.handle.stop();
    this.deps.runtime.delete(app, index);
  }

  /**
   * Rolling replacement of one instance. On new ports the new process starts
   * and must be ready before the old one stops (no gap). On the same ports
   * two processes can only both listen with SO_REUSEPORT, so the old one
   * stops first unless the app says it shares (`reloadOrder: StartFirst`);
   * the app's other instances keep serving meanwhile.
   */
  private async replaceInstance(resource: AppResource, index: number, ports: InstancePorts): Promise<void> {
    const name = resource.metadata.name;
    const old = this.deps.runtime.get(name, index);
    const order = resource.spec.reloadOrder ?? (old && samePorts(old.ports, ports) ? 'StopFirst' : 'StartFirst');
    const handOver = old !== undefined && order === 'StartFirst';
    if (old && !handOver) await this.stopRuntime(name, index);
    const config = this.configFor(resource, index, ports);
    const handle = handOver ? this.deps.supervisor.startReplacement(config) : this.deps.supervisor.start(config);
    if (!handOver) this.track(name, index, handle, resource.specHash, ports);
    try {
      await handle.waitReady({ timeoutMs: REPLACEMENT_READY_TIMEOUT_MS });
    } catch (err) {
      const message = `replacement for instance ${index} did not become ready: ${(err as Error).message}`;
      this.event(name, index, 'Warning', 'ReloadFailed', handOver ? `${message}; the old process keeps running` : message);
      if (!handOver) return;
      // Like a stalled rolling update: keep serving from the old process, retry later.
      await handle.stop();
      throw new BerthError('INTERNAL', message);
    }
    if (handOver) {
      if (this.deps.runtime.get(name, index) === old) {
        await old!.handle.stop();
        this.deps.runtime.delete(name, index);
      }
      this.track(name, index, handle, resource.specHash, ports);
    }
    this.event(name, index, 'Normal', 'Replaced', `instance ${index} replaced${ports.port ? ` (port ${ports.port})` : ''}`);
  }

  /** Stops everything of an app, frees its ports and forgets it. */
  async removeApp(name: string): Promise<void> {
    const record = this.store.apps.get(name);
    if (record?.kind === 'App') this.adoptRecorded(record.resource as AppResource);
    await Promise.all([...this.deps.runtime.of(name).keys()].map((index) => this.removeInstance(name, index)));
    if (record?.kind === 'PortClaim') this.deps.ports.releaseClaim(name);
    else this.deps.ports.releaseApp(name);
    this.store.transaction(() => {
      this.store.instances.delete(name);
      this.store.overrides.clear(name);
      this.store.instanceStops.clear(name);
      this.store.apps.delete(name);
    });
    this.event(name, null, 'Normal', 'Deleted', 'manifest removed: instances stopped, ports released');
    this.deps.logger.info({ app: name }, 'deleted');
  }

  /** `restart` / `reload` with an optional runtime port override. */
  async setOverride(resource: AppResource, port: string | undefined): Promise<void> {
    if (port === undefined) return;
    const spec = parsePortSpec(port);
    const instances = spec.type === 'range' ? spec.end - spec.start + 1 : resource.spec.instances;
    checkPortSpecFits(spec, instances);
    this.store.overrides.set(resource.metadata.name, {
      port: formatPortSpec(spec),
      instances: instances === resource.spec.instances ? null : instances,
      specHash: overrideKey(resource),
    });
    this.event(resource.metadata.name, null, 'Normal', 'PortOverride', `runtime port override ${formatPortSpec(spec)} (manifest: ${resource.spec.port ?? 'none'})`);
  }

  /** Marks every current instance (or just `index`) for replacement at the next reconcile (reload). */
  markForReplace(app: string, index?: number): void {
    const indices = index === undefined ? [...this.deps.runtime.of(app).keys()] : [index];
    this.forceReplace.set(app, new Set([...(this.forceReplace.get(app) ?? []), ...indices]));
  }

  /** Restarts each running instance in place (same ports). */
  restartAll(app: string): void {
    for (const instance of this.deps.runtime.of(app).values()) instance.handle.restart();
  }

  desiredApp(name: string): AppResource {
    const resource = this.deps.desired().resources.get(name) ?? this.store.apps.get(name)?.resource;
    if (!resource) throw new NotFoundError(`app "${name}"`);
    if (resource.kind !== 'App') throw new BerthError('USAGE', `"${name}" is a PortClaim; it runs nothing`);
    return resource;
  }

  event(app: string, instance: number | null, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.store.events.record({ app, instance, type, reason, message });
  }
}

/** How long a reload waits for a replacement to become ready before giving up on it. */
const REPLACEMENT_READY_TIMEOUT_MS = 60_000;

export function describePorts(ports: { port?: number; tcp: number[]; udp: number[] }): string {
  const parts: string[] = [];
  if (ports.port !== undefined) parts.push(String(ports.port));
  const block = (list: number[], proto: string) =>
    list.length === 0 ? undefined : list.length === 1 ? `${list[0]}/${proto}` : `${list[0]}-${list.at(-1)}/${proto}`;
  for (const part of [block(ports.tcp, 'tcp'), block(ports.udp, 'udp')]) if (part) parts.push(part);
  return parts.join(' ') || 'none';
}
