/**
 * The dependsOn graph of a set of apps, from their specs (manifests or the
 * last good specs the store keeps). PortClaims and specs written before
 * dependsOn existed have no edges.
 */
import type { DependencyGraph } from './dependency-graph.js';

interface WithSpec {
  name: string;
  spec: unknown;
}

/**
 * @example graphOfApps(store.apps.list().map((a) => ({ name: a.name, spec: a.resource.spec })))
 * // Map { 'web' => [{ name: 'db', condition: 'Ready' }], 'db' => [] }
 */
export function graphOfApps(apps: Iterable<WithSpec>): DependencyGraph {
  const graph = new Map<string, readonly { name: string }[]>();
  for (const { name, spec } of apps) {
    const dependsOn = (spec as { dependsOn?: unknown } | undefined)?.dependsOn;
    graph.set(name, Array.isArray(dependsOn) ? (dependsOn as { name: string }[]) : []);
  }
  return graph;
}
