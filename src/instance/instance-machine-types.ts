/**
 * The instance machine's input, events, context and actor inputs: the
 * contract between instance-machine.ts and the actors that the Supervisor
 * (process-actors.ts) or a test provides.
 */
import type { ProbeSpec } from '../manifest/types.js';
import type { AdoptedProcess, InstanceConfig, InstanceEvent } from './types.js';
import type { Probing } from './probing.js';

export interface InstanceMachineInput {
  config: InstanceConfig;
  adopt?: AdoptedProcess;
  /** Restarts counted before this process (a reload replacement's); an adopted process brings its own. */
  restarts?: number;
  /** Wall clock for uptime and startedAt; tests pass the SimulatedClock's now. */
  now?: () => number;
}

export interface RunProcessInput {
  config: InstanceConfig;
  adopt?: AdoptedProcess;
}

export interface StopProcessInput {
  /** null when there is nothing to stop (the stop resolves at once). */
  pid: number | null;
  startTime?: string | null;
  /** The spawn marker: descendants that left the group and carry it are stopped too. */
  marker?: string | null;
  signal: NodeJS.Signals;
  timeoutMs: number;
}

export interface ProbeInput {
  probe: ProbeSpec;
  config: InstanceConfig;
  pid: number | null;
  /** The implicit readiness check of an instance with a port and no readinessProbe. */
  isDefault?: boolean;
}

export type InstanceMachineEvent =
  | { type: 'START' }
  | { type: 'STOP' }
  | { type: 'RESTART' }
  | { type: 'SPAWNED'; pid: number; startTime: string | null; startedAt: number | null; adopted: boolean; marker?: string | null }
  | { type: 'EXITED'; code: number | null; signal: string | null; error?: string; spawnFailed?: boolean }
  | { type: 'SAMPLE'; cpu: number; memory: number };


export interface InstanceContext {
  config: InstanceConfig;
  adopt: AdoptedProcess | undefined;
  now: () => number;
  pid: number | null;
  startTime: string | null;
  /** The spawn marker of the current process (null: none recorded, e.g. adopted from an older berth). */
  marker: string | null;
  startedAt: number | null;
  restarts: number;
  crashesInRow: number;
  unstableExits: number;
  backoffMs: number;
  lastExitCode: number | null;
  lastExitSignal: string | null;
  lastError: string | null;
  /** STOP arrived while spawning or restarting: stop as soon as there is a process, do not start again. */
  stopRequested: boolean;
  /** Why the current restart happens (event reason). */
  restartReason: InstanceEvent['reason'] | null;
  restartMessage: string | null;
  cpu?: number;
  memory?: number;
  readiness: Probing | null;
  liveness: Probing | null;
}
