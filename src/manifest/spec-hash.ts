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

/**
 * AppSpec fields that say how many instances run, in what order they start
 * or when they restart, not what they run: editing them replaces no
 * process. envFile holds the files' paths; the variables read from them are
 * in env, which is hashed, so editing a value in an env file rolls the app.
 */
export const UNHASHED_FIELDS: readonly string[] = ['instances', 'dependsOn', 'cronRestart', 'watch', 'envFile'];

/** @example hashSpec({script: 'node', instances: 2}) === hashSpec({instances: 5, script: 'node'}) */
export function hashSpec(spec: object, ignore: readonly string[] = UNHASHED_FIELDS): string {
  const template = Object.fromEntries(Object.entries(spec).filter(([k]) => !ignore.includes(k)));
  return createHash('sha256').update(JSON.stringify(canonical(template))).digest('hex').slice(0, 10);
}
