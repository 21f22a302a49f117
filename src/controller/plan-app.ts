/**
 * The reconcile core for one app, pure: what should run (count, spec hash,
 * ports per instance, running or stopped, starts, reloads and restarts asked for)
 * against what runs → the actions that close the gap. Only what changed is
 * touched: scaling keeps existing instances, a spec or port change replaces
 * just the instances it affects, metadata never restarts anything.
 */
import { samePorts, type InstancePorts } from '../ports/types.js';
import type { RunningInstance } from '../instance/types.js';

export type { InstancePorts };

export interface DesiredApp {
  instances: number;
  specHash: string;
  /** Runtime `berth stop`: keep the instances' rows and ports, run nothing. */
  stopped: boolean;
  /** Runtime `berth stop NAME/INDEX`: these instances keep their rows and ports, run nothing. */
  stoppedInstances?: readonly number[];
  /** The ports each instance 0..instances-1 must have. */
  ports: InstancePorts[];
  /** `berth reload`: instances to replace (rolling) even though nothing changed. */
  reload?: ReadonlySet<number>;
  /** `berth restart`: instances to restart in place. */
  restart?: ReadonlySet<number>;
  /** `berth start`: instances to start if they do not run. */
  start?: ReadonlySet<number>;
  /** dependsOn not met (dependencies/dependency-gate.ts): what would start waits instead; what runs is left alone. */
  waitForDependency?: boolean;
}

/** What runs for one index: the spec hash and ports its process was started with, and whether it is active. */
export type ActualInstance = RunningInstance;

export type AppAction =
  | { type: 'start'; index: number }
  | { type: 'replace'; index: number; reason: 'spec' | 'ports' | 'reload' }
  | { type: 'restart'; index: number }
  | { type: 'halt'; index: number }
  | { type: 'remove'; index: number }
  /** Would start, but waits for a dependency (pending, WaitingForDependency): nothing to carry out. */
  | { type: 'wait'; index: number };

/**
 * @example
 * planApp({instances: 3, specHash: 'h', stopped: false, ports: [p0, p1, p2]}, [i0, i1])
 *   → [{type: 'start', index: 2}]
 */
export function planApp(desired: DesiredApp | undefined, actual: ActualInstance[]): AppAction[] {
  const actions: AppAction[] = [];
  const byIndex = new Map(actual.map((instance) => [instance.index, instance]));
  const count = desired?.instances ?? 0;
  const start = (index: number): AppAction => ({ type: desired?.waitForDependency ? 'wait' : 'start', index });

  for (const instance of [...actual].sort((a, b) => b.index - a.index)) {
    if (instance.index >= count) actions.push({ type: 'remove', index: instance.index });
  }
  if (!desired) return actions;

  for (let index = 0; index < count; index++) {
    const current = byIndex.get(index);
    const ports = desired.ports[index] ?? { tcp: [], udp: [] };
    if (desired.stopped || desired.stoppedInstances?.includes(index)) {
      if (current?.active) actions.push({ type: 'halt', index });
      continue;
    }
    if (!current) {
      actions.push(start(index));
    } else if (!current.active) {
      // Ended by its own restart policy (or maxRestarts): it stays ended, as a Pod with restartPolicy Never
      // does, until asked for or until what it runs changes. A resync alone never runs it again.
      const asked = desired.start?.has(index) || desired.restart?.has(index) || desired.reload?.has(index);
      if (asked || current.specHash !== desired.specHash || !samePorts(current.ports, ports)) actions.push(start(index));
    } else if (current.specHash !== desired.specHash) {
      actions.push({ type: 'replace', index, reason: 'spec' });
    } else if (!samePorts(current.ports, ports)) {
      actions.push({ type: 'replace', index, reason: 'ports' });
    } else if (desired.reload?.has(index)) {
      actions.push({ type: 'replace', index, reason: 'reload' });
    } else if (desired.restart?.has(index)) {
      actions.push({ type: 'restart', index });
    }
  }
  return actions;
}
