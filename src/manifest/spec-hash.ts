/**
 * The hash of what an instance runs (Kubernetes' pod-template-hash). Only a
 * change to it replaces processes; scaling and metadata never do.
 */
import { createHash } from 'node:crypto';

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, canonical(v)]),
    );
  }
  return value;
}

/** @example hashSpec({script: 'node', instances: 2}) === hashSpec({instances: 5, script: 'node'}) */
export function hashSpec(spec: object, ignore: readonly string[] = ['instances']): string {
  const template = Object.fromEntries(Object.entries(spec).filter(([k]) => !ignore.includes(k)));
  return createHash('sha256').update(JSON.stringify(canonical(template))).digest('hex').slice(0, 10);
}
