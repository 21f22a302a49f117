/**
 * The `dependsOn` graph between apps, as plain data: its cycles, the order
 * to start apps in (dependencies first) and to stop them in (dependents
 * first). Pure; names a graph does not hold (an app not defined yet) are
 * edges to nowhere, ignored by the orders.
 */
import type { DependencySpec } from '../manifest/types.js';

/** App name → the apps it depends on. */
export type DependencyGraph = ReadonlyMap<string, readonly Pick<DependencySpec, 'name'>[]>;

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Every app that is on a cycle, with a cycle through it (the apps of each
 * strongly connected component, Tarjan's, so an app on two cycles is
 * reported once), sorted by name. A cycle is a ring of names, each
 * depending on the next and the last on the first; apps on the same ring
 * share it. describeCycle() turns it into words from a given app.
 *
 * @example findDependencyCycles(new Map([['web', [{ name: 'api' }]], ['api', [{ name: 'web' }]], ['db', []]]))
 * // Map { 'api' => ['api', 'web'], 'web' => ['api', 'web'] }
 */
export function findDependencyCycles(graph: DependencyGraph): Map<string, readonly string[]> {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  const edges = (name: string) => (graph.get(name) ?? []).map((d) => d.name).filter((d) => graph.has(d));

  // Iterative, so a long chain of apps cannot overflow the call stack.
  for (const root of [...graph.keys()].sort(byName)) {
    if (index.has(root)) continue;
    const frames: { name: string; next: number }[] = [{ name: root, next: 0 }];
    index.set(root, index.size);
    lowLink.set(root, index.get(root)!);
    stack.push(root);
    onStack.add(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const targets = edges(frame.name);
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (!index.has(target)) {
          index.set(target, index.size);
          lowLink.set(target, index.get(target)!);
          stack.push(target);
          onStack.add(target);
          frames.push({ name: target, next: 0 });
        } else if (onStack.has(target)) {
          lowLink.set(frame.name, Math.min(lowLink.get(frame.name)!, index.get(target)!));
        }
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) lowLink.set(parent.name, Math.min(lowLink.get(parent.name)!, lowLink.get(frame.name)!));
      if (lowLink.get(frame.name) !== index.get(frame.name)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.name);
      const selfLoop = component.length === 1 && edges(member).includes(member);
      if (component.length > 1 || selfLoop) components.push(component);
    }
  }
  const cycles = new Map<string, readonly string[]>();
  for (const component of components) {
    const members = new Set(component);
    for (const name of [...component].sort(byName)) {
      if (cycles.has(name)) continue;
      // One search per ring, shared by every app on it, not one per app.
      const ring = ringThrough(name, members, edges);
      for (const member of ring) if (!cycles.has(member)) cycles.set(member, ring);
    }
  }
  return new Map([...cycles].sort(([a], [b]) => byName(a, b)));
}

/** How many names describeCycle shows before it elides the middle of a long ring. */
const SHOWN_NAMES = 8;

/**
 * A ring from `from` back to it, in words.
 *
 * @example describeCycle(['api', 'web'], 'web') === 'web → api → web'
 */
export function describeCycle(ring: readonly string[], from: string): string {
  const start = Math.max(0, ring.indexOf(from));
  const at = (offset: number) => ring[(start + offset) % ring.length]!;
  if (ring.length <= SHOWN_NAMES) return [...Array.from({ length: ring.length }, (_, i) => at(i)), from].join(' → ');
  const head = Array.from({ length: SHOWN_NAMES - 1 }, (_, i) => at(i));
  return [...head, `… (${ring.length - head.length - 1} more)`, at(ring.length - 1), from].join(' → ');
}

/** A ring from `start` inside its component, breadth-first so it is a shortest one: [start, ..., last], last depending on start. */
function ringThrough(start: string, members: ReadonlySet<string>, edges: (name: string) => string[]): string[] {
  const cameFrom = new Map<string, string>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const name = queue[head]!;
    for (const target of edges(name)) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [start];
        for (let at: string | undefined = name; at !== undefined && at !== start; at = cameFrom.get(at)) path.push(at);
        return [start, ...path.slice(1).reverse()];
      }
      if (!cameFrom.has(target)) {
        cameFrom.set(target, name);
        queue.push(target);
      }
    }
  }
  return [start];
}

/**
 * Apps in layers: each layer depends only on earlier ones, so a layer can
 * start all at once after the one before it. Names inside a layer are sorted.
 * Apps on a cycle (the loader refuses those) come last, in one layer.
 *
 * @example startLayers(new Map([['web', [{ name: 'api' }]], ['api', [{ name: 'db' }]], ['db', []], ['cache', []]])) // [['cache', 'db'], ['api'], ['web']]
 */
export function startLayers(graph: DependencyGraph, names: Iterable<string> = graph.keys()): string[][] {
  const wanted = new Set(names);
  const pending = new Map<string, Set<string>>();
  for (const name of wanted) pending.set(name, new Set((graph.get(name) ?? []).map((d) => d.name).filter((d) => wanted.has(d) && d !== name)));
  const layers: string[][] = [];
  while (pending.size > 0) {
    const layer = [...pending].filter(([, deps]) => deps.size === 0).map(([name]) => name).sort(byName);
    if (layer.length === 0) {
      layers.push([...pending.keys()].sort(byName));
      break;
    }
    for (const name of layer) pending.delete(name);
    for (const deps of pending.values()) for (const name of layer) deps.delete(name);
    layers.push(layer);
  }
  return layers;
}

/**
 * Layers to stop in: an app stops once every app that depends on it has
 * (`berth down`, deleting several apps at once). startLayers over the
 * reversed graph, so an app nothing depends on stops in the first layer.
 *
 * @example stopLayers(graph) // [['cache', 'web'], ['api'], ['db']]
 */
export function stopLayers(graph: DependencyGraph, names: Iterable<string> = graph.keys()): string[][] {
  const wanted = [...names];
  const dependents = new Map<string, { name: string }[]>(wanted.map((name) => [name, []]));
  for (const name of wanted) {
    for (const dependency of graph.get(name) ?? []) dependents.get(dependency.name)?.push({ name });
  }
  return startLayers(dependents, wanted);
}

/** @example startOrder(graph) // ['cache', 'db', 'api', 'web'] */
export function startOrder(graph: DependencyGraph, names?: Iterable<string>): string[] {
  return startLayers(graph, names).flat();
}

/** @example stopOrder(graph) // ['cache', 'web', 'api', 'db'] */
export function stopOrder(graph: DependencyGraph, names?: Iterable<string>): string[] {
  return stopLayers(graph, names).flat();
}
