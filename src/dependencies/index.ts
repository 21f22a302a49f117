/** `dependsOn`: the graph between apps (cycles, start and stop order) and the gate an app waits at. */
export { describeCycle, findDependencyCycles, startLayers, startOrder, stopLayers, stopOrder, type DependencyGraph } from './dependency-graph.js';
export { dependencyGate, summariseDependency, type DependencyGate, type DependencyStatus } from './dependency-gate.js';
export { graphOfApps } from './graph-of-apps.js';
