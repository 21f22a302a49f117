/**
 * What the controller hands the instance layer, and what it gets back.
 */
import type { AppSpec } from '../manifest/types.js';
import type { InstancePorts } from '../ports/types.js';
import type { InstanceStatus } from '../store/instances-table.js';

export type { InstanceStatus, InstancePorts };

/** Everything needed to run one instance of an app. */
export interface InstanceConfig {
  app: string;
  index: number;
  spec: AppSpec;
  specHash: string;
  /** spec.env + injected port/instance variables (ports/buildInstanceEnv). Merged over process.env at spawn, with the spawn marker. */
  env: Record<string, string>;
  /** The ports the store holds for this instance; primaryPort(ports) is the default readiness check. */
  ports: InstancePorts;
  /** <home>/logs */
  logDir: string;
}

/** A process found in the store, to be adopted if it is still the same process. */
export interface AdoptedProcess {
  pid: number;
  /** /proc/<pid>/stat field 22 recorded at spawn. */
  startTime: string;
  startedAt: number | null;
  restarts: number;
  /** The marker it was spawned with, when the store recorded one. */
  marker?: string | null;
}

/** How a new process of an instance starts counting. */
export interface StartOptions {
  /** Restarts so far: a reload replacement carries its predecessor's count + 1 (PM2 counts a reload as a restart). */
  restarts?: number;
}

export interface InstanceSnapshot {
  status: InstanceStatus;
  pid: number | null;
  restarts: number;
  startedAt: number | null;
  ready: boolean;
  cpu?: number;
  memory?: number;
  lastExitCode: number | null;
  lastExitSignal: string | null;
  /** Why the last start failed or the last restart happened (spawn error, probe failure, memory limit). */
  lastError: string | null;
}

/** What runs for one (app, index), as the controller's planner sees it. */
export interface RunningInstance {
  index: number;
  /** The spec hash and ports the current process was started with. */
  specHash: string;
  ports: InstancePorts;
  /** True while a process is (or is being) run for it: not stopped, not errored. */
  active: boolean;
}

/** The events the instance layer records (store.events), kubectl-describe style. */
export interface InstanceEvent {
  type: 'instance.event';
  level: 'Normal' | 'Warning';
  reason: 'Started' | 'Adopted' | 'Ready' | 'Crashed' | 'BackOff' | 'Killed' | 'Unhealthy' | 'MemoryLimit' | 'Stopped' | 'Errored' | 'SpawnFailed' | 'Restarting';
  message: string;
}
