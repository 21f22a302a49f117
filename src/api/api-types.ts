/** The wire shapes of the local API, shared by server and client. */
import type { Condition } from '../store/apps-table.js';
import type { EventRecord } from '../store/events-table.js';
import type { InstanceStatus } from '../store/instances-table.js';

/** One row of `berth list -o json` (SPEC.md's fields, plus a few). */
export interface InstanceView {
  app: string;
  instance: number;
  status: InstanceStatus;
  pid: number | null;
  port: number | null;
  ports: { tcp: number[]; udp: number[] };
  /** CPU in percent of one core, null when unknown. */
  cpu: number | null;
  /** RSS in bytes, null when unknown. */
  memory: number | null;
  /** Milliseconds since the process started, null when not running. */
  uptime: number | null;
  restarts: number;
  specHash: string;
}

export interface AppInfo {
  name: string;
  kind: 'App' | 'PortClaim';
  source: string;
  labels: Record<string, string>;
  generation: number;
  observedGeneration: number;
  desiredState: 'running' | 'stopped';
  configured: { port: string | null; instances: number; ports: { tcp: number; udp: number } };
  effective: { port: string | null; instances: number; override: { port: string | null; instances: number | null } | null };
  instances: InstanceView[];
  /** PortClaim: the ports it holds. */
  claimed?: { tcp: number[]; udp: number[] };
  conditions: Condition[];
  events: EventRecord[];
  /** Present when the manifest currently on disk is invalid: the apps keep their last good spec. */
  manifestErrors: string[];
  /** Set while the controller cannot write its store (disk full, I/O error): changes are retried. */
  storeFault?: { message: string; since: number; failures: number };
  /** Set when a `berth sync` source wrote this app's manifest. */
  sync?: { source: string; repo: string; revision: string | null; ready: string; lastError: string | null };
}

export interface ControllerStatus {
  pid: number;
  home: string;
  dir: string;
  version: string;
  startedAt: number;
  /** Problems users should see under `berth list` (e.g. the manifest directory cannot be read). */
  warnings?: string[];
}

export type AppAction = 'restart' | 'reload' | 'stop' | 'start';

/** What the controller offers the API server. */
export interface ControllerApi {
  status(): ControllerStatus;
  listInstances(): Promise<InstanceView[]>;
  appInfo(name: string): Promise<AppInfo>;
  act(name: string, action: AppAction, options: { port?: string }): Promise<{ message: string }>;
  reconcileNow(name?: string): Promise<void>;
  shutdown(options: { stopApps: boolean }): Promise<void>;
}
