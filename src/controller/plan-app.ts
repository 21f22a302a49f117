/**
 * The reconcile core for one app, pure: what should run (count, spec hash,
 * ports per instance, running or stopped) against what runs → the actions
 * that close the gap. Only what changed is touched: scaling keeps existing
 * instances, a spec or port change replaces just the instances it affects,
 * metadata never restarts anything.
 */

export interface InstancePorts {
  port?: number;
  tcp: number[];
  udp: number[];
}

export interface DesiredApp {
  instances: number;
  specHash: string;
  /** Runtime `berth stop`: keep the instances' rows and ports, run nothing. */
  stopped: boolean;
  /** Runtime `berth stop NAME/INDEX`: these instances keep their rows and ports, run nothing. */
  stoppedInstances?: readonly number[];
  /** The ports each instance 0..instances-1 must have. */
  ports: InstancePorts[];
}

export interface ActualInstance {
  index: number;
  specHash: string;
  ports: InstancePorts;
  /** True when a process is (or is being) run for it: not stopped, not errored. */
  active: boolean;
}

export type AppAction =
  | { type: 'start'; index: number }
  | { type: 'replace'; index: number; reason: 'spec' | 'ports' }
  | { type: 'halt'; index: number }
  | { type: 'remove'; index: number };

export function samePorts(a: InstancePorts, b: InstancePorts): boolean {
  return a.port === b.port && a.tcp.join(',') === b.tcp.join(',') && a.udp.join(',') === b.udp.join(',');
}

/**
 * @example
 * planApp({instances: 3, specHash: 'h', stopped: false, ports: [p0, p1, p2]}, [i0, i1])
 *   → [{type: 'start', index: 2}]
 */
export function planApp(desired: DesiredApp | undefined, actual: ActualInstance[]): AppAction[] {
  const actions: AppAction[] = [];
  const byIndex = new Map(actual.map((instance) => [instance.index, instance]));
  const count = desired?.instances ?? 0;

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
    if (!current || !current.active) {
      actions.push({ type: 'start', index });
    } else if (current.specHash !== desired.specHash) {
      actions.push({ type: 'replace', index, reason: 'spec' });
    } else if (!samePorts(current.ports, ports)) {
      actions.push({ type: 'replace', index, reason: 'ports' });
    }
  }
  return actions;
}
