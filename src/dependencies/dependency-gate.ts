/**
 * Whether an app may start, given how far the apps it depends on are: the
 * pure rule behind `dependsOn` (docker compose's depends_on conditions).
 * The gate is asked before an app's instances are first started; it never
 * stops anything, so a dependency that turns unready later leaves running
 * dependents alone, as in compose.
 */
import type { DependencySpec } from '../manifest/types.js';
import type { InstanceStatus } from '../store/instances-table.js';

/** How far one app is, in the terms the conditions need. */
export interface DependencyStatus {
  /** Instances the app should have (after overrides and scale). */
  desired: number;
  /** Instances whose process runs: starting or online. */
  started: number;
  /** Instances that are online (ready). */
  ready: number;
  /** Stopped with `berth stop`: never counts as up. */
  stopped?: boolean;
}

export type DependencyGate =
  | { ready: true }
  | {
      ready: false;
      reason: 'WaitingForDependency';
      /** The first dependency not met, in dependsOn order. */
      waitingFor: string;
      condition: DependencySpec['condition'];
      /** For status and events: 'waiting for app "db" to be Ready (1/2 ready)'. */
      message: string;
    };

/**
 * Counts instance statuses into a DependencyStatus.
 *
 * @example summariseDependency(['online', 'starting']) // { desired: 2, started: 2, ready: 1 }
 */
export function summariseDependency(statuses: readonly InstanceStatus[], { desired = statuses.length, stopped = false }: { desired?: number; stopped?: boolean } = {}): DependencyStatus {
  const ready = statuses.filter((s) => s === 'online').length;
  const started = statuses.filter((s) => s === 'online' || s === 'starting').length;
  return { desired, started, ready, ...(stopped ? { stopped } : {}) };
}

/**
 * Ready: every desired instance is online (the app's Ready condition).
 * Started: every desired instance has a running process. An app scaled to 0
 * meets both: there is nothing to wait for.
 */
function meets(status: DependencyStatus, condition: DependencySpec['condition']): boolean {
  if (status.stopped) return false;
  return (condition === 'Ready' ? status.ready : status.started) >= status.desired;
}

function describe(status: DependencyStatus | undefined, condition: DependencySpec['condition']): string {
  if (!status) return 'it is not defined';
  if (status.stopped) return 'it is stopped';
  return condition === 'Ready' ? `${status.ready}/${status.desired} ready` : `${status.started}/${status.desired} started`;
}

/**
 * @example
 * dependencyGate({ dependsOn: [{ name: 'db', condition: 'Ready' }] }, new Map([['db', { desired: 2, started: 2, ready: 1 }]]))
 * // → { ready: false, reason: 'WaitingForDependency', waitingFor: 'db', condition: 'Ready',
 * //     message: 'waiting for app "db" to be Ready (1/2 ready)' }
 */
export function dependencyGate(app: { dependsOn: readonly DependencySpec[] }, statuses: ReadonlyMap<string, DependencyStatus>): DependencyGate {
  for (const { name, condition } of app.dependsOn) {
    const status = statuses.get(name);
    if (status && meets(status, condition)) continue;
    return {
      ready: false,
      reason: 'WaitingForDependency',
      waitingFor: name,
      condition,
      message: `waiting for app "${name}" to be ${condition} (${describe(status, condition)})`,
    };
  }
  return { ready: true };
}
