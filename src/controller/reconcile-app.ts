/**
 * Reconciles one app or claim by name: reads desired (manifests, runtime
 * overrides, reloads and restarts asked for) and actual (the instance
 * layer's registry), asks the pure planner what to do, and has it done.
 * Runs under the work queue, so never twice at once for one name.
 */
import type { AppResource, Resource } from '../manifest/types.js';
import type { InstancePorts } from '../ports/types.js';
import { planApp } from './plan-app.js';
import { displayPath } from '../manifest/display-path.js';
import { manifestErrorsFor } from './desired-diff.js';
import { effectiveApp, isStale } from './runtime-override.js';
import { recordEvent, reportAppPorts, reportPortFailure, setManifestValid } from './app-status.js';
import { recordedConfigFor } from './instance-config.js';
import { applyAppPlan } from './apply-app-plan.js';
import { indexesFor } from './rollout-requests.js';
import { reconcileClaim } from './reconcile-claim.js';
import { removeApp } from './remove-app.js';
import { reportSockets } from './socket-status.js';
import type { ReconcileContext } from './reconcile-context.js';
import type { DependencyWaits } from './dependency-waits.js';

export class AppReconciler {
  /** Apps whose spec changed since their env was last checked for shadowed variables. */
  private readonly pendingShadowCheck = new Set<string>();

  /** `waits`: dependsOn gates and removal order (none: nothing waits). */
  constructor(private readonly ctx: ReconcileContext, private readonly waits?: DependencyWaits) {}

  async reconcile(name: string): Promise<void> {
    const { store } = this.ctx;
    const desiredState = this.ctx.desired();
    const desired = desiredState.resources.get(name);
    const errors = manifestErrorsFor(desiredState, name);
    const record = store.apps.get(name);

    if (record) setManifestValid(store, this.ctx.logger, name, errors);
    if (!desired) {
      // A broken file still naming the app keeps it running on its last good spec.
      // Dependents deleted at the same time go first; their removal wakes this one.
      if (record && errors.length === 0 && !this.waits?.removalBlockedBy(name).length) await removeApp(this.ctx, name);
      else if (record) store.apps.setObservedGeneration(name, record.generation);
      return;
    }
    const generation = this.recordSpec(desired);
    // A new app's manifest may already be in conflict (a name defined twice): say so from its first reconcile.
    if (!record) setManifestValid(store, this.ctx.logger, name, errors);
    if (desired.kind === 'PortClaim') return reconcileClaim(this.ctx, desired, generation);
    await this.reconcileApp(desired, generation);
    // The generation that ran is observed, whatever the files say now (ManifestValid says that).
    store.apps.setObservedGeneration(name, generation);
  }

  /** The resource becomes the app's last good spec; a changed spec voids a runtime override. */
  private recordSpec(resource: Resource): number {
    const { store } = this.ctx;
    const name = resource.metadata.name;
    const { record, change } = store.apps.upsert(resource);
    if (change === 'created') recordEvent(store, name, null, 'Normal', 'Created', `${resource.kind.toLowerCase()} created from ${displayPath(resource.source.file)}`);
    if (change === 'configured') recordEvent(store, name, null, 'Normal', 'Configured', `spec changed (generation ${record.generation})`);
    if (change !== 'unchanged' && resource.kind === 'App') {
      const override = store.overrides.get(name);
      if (isStale(resource, override)) {
        store.overrides.clear(name);
        recordEvent(store, name, null, 'Normal', 'OverrideCleared', `runtime port override ${override.port ?? ''} dropped: the manifest's spec changed`);
      }
      this.pendingShadowCheck.add(name);
    }
    return record.generation;
  }

  private async reconcileApp(resource: AppResource, generation: number): Promise<void> {
    const { store, supervisor } = this.ctx;
    const name = resource.metadata.name;
    supervisor.adoptRecorded(name, recordedConfigFor(this.ctx, resource));
    // After a controller restart: take the sockets back (or say why not) before any hand-over.
    reportSockets(store, name, resource.spec, await supervisor.listenSockets(name));
    const effective = effectiveApp(resource, store.overrides.get(name));
    const stopped = store.apps.get(name)!.desiredState === 'stopped';
    if (!stopped) supervisor.declare(name, effective.instances, resource.specHash);

    let ports: InstancePorts[];
    try {
      ports = await this.ctx.ports.ensureAppPorts(name, { port: effective.port, instances: effective.instances, demand: resource.spec.ports, shared: resource.spec.socket?.shared });
    } catch (err) {
      reportPortFailure(store, this.ctx.logger, name, err);
      throw err;
    }
    reportAppPorts(store, name, ports);
    if (this.pendingShadowCheck.delete(name)) this.warnShadowedEnv(resource, ports[0]);

    const actual = supervisor.actual(name);
    const asked = this.ctx.requests.snapshot(name);
    store.instanceStops.clear(name, effective.instances);
    const gate = this.waits?.gate(resource) ?? { ready: true };
    const plan = planApp({
      instances: effective.instances,
      specHash: resource.specHash,
      stopped,
      stoppedInstances: store.instanceStops.list(name),
      ports,
      reload: indexesFor(asked, 'reload'),
      restart: indexesFor(asked, 'restart'),
      start: indexesFor(asked, 'start'),
      waitForDependency: !gate.ready,
    }, actual);
    const waiting = plan.filter((a) => a.type === 'wait').map((a) => a.index);
    const actions = plan.filter((a) => a.type !== 'wait');
    if (actions.length) store.apps.setCondition(name, { type: 'Progressing', status: 'True', reason: 'Reconciling', message: actions.map((a) => `${a.type} ${a.index}`).join(', ') });
    await applyAppPlan(this.ctx, resource, actions, ports, actual, asked);
    reportSockets(store, name, resource.spec, await supervisor.listenSockets(name));
    // A start that waits stays asked for, so it happens once the gate opens.
    this.ctx.requests.settle(name, new Map([...asked].filter(([index]) => !waiting.includes(index))));
    supervisor.prune(name, effective.instances);
    if (this.waits?.report(resource, gate, waiting)) return;
    store.apps.setCondition(name, { type: 'Progressing', status: 'False', reason: 'Reconciled', message: `generation ${generation} reconciled` });
  }

  private warnShadowedEnv(resource: AppResource, ports: InstancePorts = { tcp: [], udp: [] }): void {
    const name = resource.metadata.name;
    const { shadowed } = this.ctx.buildEnv({ app: name, index: 0, ports, specEnv: resource.spec.env });
    if (shadowed.length) {
      recordEvent(this.ctx.store, name, null, 'Warning', 'EnvShadowed', `spec.env sets ${shadowed.join(', ')}, which berth injects per instance; the injected value wins`);
    }
  }
}
