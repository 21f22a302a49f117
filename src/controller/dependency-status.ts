/**
 * The inputs of an app's dependsOn gate, read from the controller's truth:
 * each dependency's desired count (manifest, runtime override, runtime
 * stops) and its instances' live statuses. The rule itself is the pure
 * dependencyGate (src/dependencies/dependency-gate.ts).
 */
import { dependencyGate, summariseDependency, type DependencyGate, type DependencyStatus } from '../dependencies/dependency-gate.js';
import type { AppSpec } from '../manifest/types.js';
import { effectiveApp } from './runtime-override.js';
import type { ReconcileContext } from './reconcile-context.js';

export type GateContext = Pick<ReconcileContext, 'store' | 'supervisor' | 'desired'>;

const OPEN: DependencyGate = { ready: true };

/**
 * How far app `name` is, or undefined when no App of that name is defined
 * (the manifests', else the last good spec the store keeps).
 */
export function dependencyStatus(ctx: GateContext, name: string): DependencyStatus | undefined {
  const resource = ctx.desired().resources.get(name) ?? ctx.store.apps.get(name)?.resource;
  if (!resource || resource.kind !== 'App') return undefined;
  const count = effectiveApp(resource, ctx.store.overrides.get(name)).instances;
  // As the Ready condition counts: instances stopped one by one (`berth stop db/1`) are wanted stopped.
  const held = new Set(ctx.store.instanceStops.list(name));
  const indexes = Array.from({ length: count }, (_, index) => index).filter((index) => !held.has(index));
  const statuses = indexes.map((index) => ctx.supervisor.snapshot(name, index)?.status ?? ctx.store.instances.get(name, index)?.status ?? 'pending');
  const stopped = ctx.store.apps.get(name)?.desiredState === 'stopped' || (count > 0 && indexes.length === 0);
  return summariseDependency(statuses, { desired: indexes.length, stopped });
}

/**
 * Whether an app with this spec may start its instances now.
 *
 * @example dependencyGateFor(ctx, { dependsOn: [{ name: 'db', condition: 'Ready' }] })
 * // → { ready: false, reason: 'WaitingForDependency', waitingFor: 'db', message: 'waiting for app "db" to be Ready (0/1 ready)', ... }
 */
export function dependencyGateFor(ctx: GateContext, spec: Partial<Pick<AppSpec, 'dependsOn'>>): DependencyGate {
  // A spec stored by a berth before dependsOn has none.
  const dependsOn = spec.dependsOn ?? [];
  if (dependsOn.length === 0) return OPEN;
  const statuses = new Map<string, DependencyStatus>();
  for (const { name } of dependsOn) {
    const status = dependencyStatus(ctx, name);
    if (status) statuses.set(name, status);
  }
  return dependencyGate({ dependsOn }, statuses);
}
