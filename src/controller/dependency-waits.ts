/**
 * The apps that wait on others (dependsOn gates, removals in dependents-
 * first order) and the wake-ups: when an app changes (its instances, or it
 * was reconciled), the apps waiting on it are queued again if what they
 * wait for moved. Also the status of a wait: the Progressing condition
 * (reason WaitingForDependency, which `berth list` and `info` show) and one
 * WaitingForDependency event per wait.
 */
import type { DependencyGate } from '../dependencies/dependency-gate.js';
import type { AppResource } from '../manifest/types.js';
import { recordEvent } from './app-status.js';
import { dependencyGateFor } from './dependency-status.js';
import { appsBeingRemoved, removalBlockers } from './removal-order.js';
import type { ReconcileContext } from './reconcile-context.js';

type Waiting = Extract<DependencyGate, { ready: false }>;

export const WAITING_FOR_DEPENDENCY = 'WaitingForDependency';

export class DependencyWaits {
  /** App → the gate it waits at (some of its instances would start but wait). */
  private readonly gates = new Map<string, { dependsOn: string[]; gate: Waiting }>();
  /** App being removed → the dependents that must be gone first. */
  private readonly removals = new Map<string, string[]>();

  constructor(
    private readonly ctx: Pick<ReconcileContext, 'store' | 'supervisor' | 'desired' | 'logger'>,
    /** Queues an app for another reconcile. */
    private readonly requeue: (app: string) => void,
  ) {}

  /** Whether `resource`'s instances may start now. */
  gate(resource: AppResource): DependencyGate {
    return dependencyGateFor(this.ctx, resource.spec);
  }

  /**
   * After a reconcile planned with `gate`: `waiting` are the indexes that
   * would have started. Returns whether the app waits (then its Progressing
   * condition says so; the caller sets it otherwise).
   */
  report(resource: AppResource, gate: DependencyGate, waiting: readonly number[]): boolean {
    const app = resource.metadata.name;
    if (gate.ready || waiting.length === 0) {
      this.gates.delete(app);
      return false;
    }
    const previous = this.gates.get(app)?.gate;
    this.gates.set(app, { dependsOn: resource.spec.dependsOn.map((d) => d.name), gate });
    const { store, logger } = this.ctx;
    store.apps.setCondition(app, { type: 'Progressing', status: 'True', reason: WAITING_FOR_DEPENDENCY, message: gate.message });
    if (previous?.waitingFor !== gate.waitingFor) {
      recordEvent(store, app, null, 'Normal', WAITING_FOR_DEPENDENCY, gate.message);
      logger.info({ app, dependency: gate.waitingFor }, gate.message);
    }
    // The dependency may have moved while this reconcile ran (before the app was known to wait): look again.
    const now = this.gate(resource);
    if (now.ready || now.message !== gate.message) this.requeue(app);
    return true;
  }

  /** The dependents being removed that must be gone before `app` is removed; remembered, so their removal wakes it. */
  removalBlockedBy(app: string): string[] {
    // Nothing depends on a PortClaim; the graph below lists every app the store has, so building it
    // for each of 500 deleted claims was most of a `delete -f` (issue 19).
    if (this.ctx.store.apps.get(app)?.kind !== 'App') {
      this.removals.delete(app);
      return [];
    }
    const blockers = removalBlockers(app, appsBeingRemoved(this.ctx)).filter((name) => this.ctx.store.apps.get(name) !== undefined);
    if (blockers.length > 0) this.removals.set(app, blockers);
    else this.removals.delete(app);
    return blockers;
  }

  /** `app` changed: queues the apps waiting on it whose gate moved, and removals that waited for it. */
  changed(app: string): void {
    for (const [name, { dependsOn, gate }] of this.gates) {
      if (!dependsOn.includes(app)) continue;
      const resource = this.ctx.desired().resources.get(name);
      // Not in the manifests (gone, or its file broken): its reconcile plans nothing, so nothing to wake.
      if (resource?.kind !== 'App') {
        this.gates.delete(name);
        continue;
      }
      const now = this.gate(resource);
      if (now.ready || now.message !== gate.message) this.requeue(name);
    }
    for (const [name, blockers] of this.removals) if (blockers.includes(app)) this.requeue(name);
  }

  /** The app is gone: it waits for nothing any more. */
  forget(app: string): void {
    this.gates.delete(app);
    this.removals.delete(app);
  }
}
