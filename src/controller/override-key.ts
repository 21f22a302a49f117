/**
 * A runtime override (`restart/reload --port`) holds until the manifest's
 * spec changes, instances included: it records this key of the spec it was
 * set against and is void for any other.
 */
export function overrideKey(resource: { specHash: string; spec: { instances?: number } }): string {
  return `${resource.specHash}/${resource.spec.instances ?? 0}`;
}
