/**
 * The runtime override rule, in one place for the reconciler and the read
 * model: `restart/reload --port SPEC` is kept in the store, not in the
 * manifest, and holds until the manifest's spec changes (instances
 * included). A range sets the number of instances to its size.
 */
import type { AppResource } from '../manifest/types.js';
import type { OverrideRecord } from '../store/overrides-table.js';
import { checkPortSpecFits, formatPortSpec, parsePortSpec } from '../ports/port-spec.js';

/** What an app runs with once a valid override is applied. */
export interface EffectiveApp {
  port?: string;
  instances: number;
  override: { port: string | null; instances: number | null } | null;
}

/** The key an override records: the spec it was set against. */
export function overrideKey(resource: { specHash: string; spec: { instances?: number } }): string {
  return `${resource.specHash}/${resource.spec.instances ?? 0}`;
}

/**
 * @example effectiveApp(resource, store.overrides.get(name)) // { port: '4000-4003', instances: 4, override: {...} }
 */
export function effectiveApp(resource: AppResource, override: OverrideRecord | undefined): EffectiveApp {
  if (override && override.specHash === overrideKey(resource)) {
    return {
      port: override.port ?? resource.spec.port,
      instances: override.instances ?? resource.spec.instances,
      override: { port: override.port, instances: override.instances },
    };
  }
  return { port: resource.spec.port, instances: resource.spec.instances, override: null };
}

/** True when a stored override no longer applies: the manifest's spec changed since it was set. */
export function isStale(resource: AppResource, override: OverrideRecord | undefined): override is OverrideRecord {
  return override !== undefined && override.specHash !== overrideKey(resource);
}

/**
 * The override a `--port SPEC` asks for, validated (throws the SPEC's port
 * errors). A range sets the instance count; null when it equals the manifest's.
 */
export function newOverride(resource: AppResource, port: string): { port: string; instances: number | null; specHash: string } {
  const spec = parsePortSpec(port);
  const instances = spec.type === 'range' ? spec.end - spec.start + 1 : resource.spec.instances;
  checkPortSpecFits(spec, instances, { shared: resource.spec.socket?.shared });
  return { port: formatPortSpec(spec), instances: instances === resource.spec.instances ? null : instances, specHash: overrideKey(resource) };
}
