/**
 * Refuses, before anything is written, an apply whose fixed ports collide:
 * with ports berth has assigned to another app (store), with fixed ports
 * other manifests in the watched directory declare, or with a port some
 * other program holds (bind test). SPEC.md's exact messages.
 */
import type { Resource } from '../manifest/types.js';
import { parsePortSpec } from '../ports/port-spec.js';
import { BerthError } from '../errors.js';
import { withExistingStore } from '../store/with-existing-store.js';

/** The fixed ports an App asks for (none for auto and demand blocks: those are found, not asked). */
export function fixedPorts(resource: Resource): number[] {
  if (resource.kind !== 'App' || resource.spec.port === undefined) return [];
  const spec = parsePortSpec(resource.spec.port);
  if (spec.type === 'single') return [spec.port];
  if (spec.type === 'range') return Array.from({ length: resource.spec.instances }, (_, i) => spec.start + i);
  return [];
}

export async function checkPortConflicts(
  incoming: Resource[],
  { home, others, probe }: { home: string; others: Resource[]; probe: (port: number) => Promise<boolean> },
): Promise<void> {
  const claimedBy = new Map<number, string>();
  for (const other of others) for (const port of fixedPorts(other)) claimedBy.set(port, other.metadata.name);
  const held = new Map<number, string>();
  const allocations = await withExistingStore(home, (store) => store.allocations.list(), () => []);
  for (const row of allocations) if (row.protocol === 'tcp') held.set(row.port, row.owner);
  const names = new Set(incoming.map((r) => r.metadata.name));
  const inInput = new Map<number, string>();
  for (const resource of incoming) {
    const name = resource.metadata.name;
    for (const port of fixedPorts(resource)) {
      const owner = inInput.get(port) ?? [held.get(port), claimedBy.get(port)].find((o) => o !== undefined && o !== name && !names.has(o));
      if (owner !== undefined && owner !== name) throw new BerthError('PORT_ASSIGNED', `Port ${port} is already assigned to process '${owner}'`);
      inInput.set(port, name);
      if (held.get(port) === name) continue; // ours already: our own process may be listening
      if (!(await probe(port))) throw new BerthError('PORT_IN_USE', `Port ${port} is already in use by another process`);
    }
  }
}
