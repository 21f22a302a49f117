/**
 * The dependsOn checks that need every loaded resource at once: a cycle is
 * an error on each app of it (at its entry that leads into the cycle, so
 * each file of the cycle names its own line), and so is a dependency that
 * names a PortClaim. A name nobody defines is not an error: the app waits
 * for it (WaitingForDependency), as the file may simply come later.
 */
import { ManifestError } from '../errors.js';
import { describeCycle, findDependencyCycles } from '../dependencies/dependency-graph.js';
import { describePath } from './schema-validator.js';
import { displayPosition } from './display-path.js';
import type { AppResource, Resource } from './types.js';

/** Each resource that fails a check, with the error to report in its file. */
export interface DependencyProblem {
  name: string;
  error: ManifestError;
}

function entryError(app: AppResource, index: number, detail: string): ManifestError {
  const key = describePath(['spec', 'dependsOn', index]);
  return new ManifestError(app.positions?.[key] ?? displayPosition(app.source), `${key}: ${detail}`);
}

/**
 * @example checkDependencies(state.resources) // [{ name: 'web', error: 'm/web.yaml:7:15: spec.dependsOn[0]: dependency cycle: web → api → web' }, ...]
 */
export function checkDependencies(resources: ReadonlyMap<string, Resource>): DependencyProblem[] {
  const apps = new Map<string, AppResource>();
  for (const [name, resource] of resources) if (resource.kind === 'App') apps.set(name, resource);
  const problems: DependencyProblem[] = [];
  for (const app of apps.values()) {
    app.spec.dependsOn.forEach(({ name }, index) => {
      if (resources.get(name)?.kind === 'PortClaim') {
        problems.push({ name: app.metadata.name, error: entryError(app, index, `"${name}" is a PortClaim; dependsOn names apps`) });
      }
    });
  }
  const graph = new Map([...apps].map(([name, app]) => [name, app.spec.dependsOn]));
  for (const [name, ring] of findDependencyCycles(graph)) {
    const app = apps.get(name)!;
    // The entry that leads on along the ring: that is the line to change.
    const next = ring[(ring.indexOf(name) + 1) % ring.length];
    const index = app.spec.dependsOn.findIndex((d) => d.name === next);
    problems.push({ name, error: entryError(app, index, `dependency cycle: ${describeCycle(ring, name)}`) });
  }
  return problems;
}
