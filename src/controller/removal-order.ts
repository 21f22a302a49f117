/**
 * The order apps go when several are deleted at once (a file with many
 * apps removed, `berth delete web db`): dependents first, as `berth down`
 * stops them. An app being removed waits while an app that depends on it,
 * and is being removed too, still exists; the graph is the last good specs
 * the store keeps, and apps on a cycle (stopLayers puts them in one layer)
 * never wait for each other.
 */
import { stopLayers } from '../dependencies/dependency-graph.js';
import { graphOfApps } from '../dependencies/graph-of-apps.js';
import { manifestErrorsFor } from './desired-diff.js';
import type { ReconcileContext } from './reconcile-context.js';

/**
 * The apps being removed that must be gone before `name` goes: those that
 * depend on it and stop in an earlier layer (pure).
 *
 * @example removalBlockers('db', new Map([['web', [{ name: 'db' }]], ['db', []]])) // ['web']
 */
export function removalBlockers(name: string, removing: ReadonlyMap<string, readonly { name: string }[]>): string[] {
  const layers = stopLayers(removing, removing.keys());
  const mine = layers.findIndex((layer) => layer.includes(name));
  if (mine <= 0) return [];
  const earlier = new Set(layers.slice(0, mine).flat());
  return [...removing].filter(([app, deps]) => earlier.has(app) && deps.some((d) => d.name === name)).map(([app]) => app);
}

/** Apps the store still has whose manifests are gone (not merely broken): they are being removed. */
export function appsBeingRemoved(ctx: Pick<ReconcileContext, 'store' | 'desired'>): Map<string, readonly { name: string }[]> {
  const desired = ctx.desired();
  const removing = ctx.store.apps.list().filter((record) => record.kind === 'App' && !desired.resources.has(record.name) && manifestErrorsFor(desired, record.name).length === 0);
  return new Map(graphOfApps(removing.map((record) => ({ name: record.name, spec: record.resource.spec }))));
}

/** Every app the store knows, in the layers `berth down` stops them in: dependents first. */
export function shutdownLayers(store: ReconcileContext['store']): string[][] {
  return stopLayers(graphOfApps(store.apps.list().map((record) => ({ name: record.name, spec: record.resource.spec }))));
}
