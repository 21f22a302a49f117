/** The wire shapes of the local API, shared by server and client. */
import type { Condition } from '../store/apps-table.js';
import type { EventRecord } from '../store/events-table.js';
import type { InstanceStatus } from '../store/instances-table.js';
import type { RunView } from '../controller/run-view.js';

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
  /** Why a pending instance does not start yet: `WaitingForDependency`, with the sentence naming the dependency. */
  reason?: string;
  message?: string;
}

/** An app's dependsOn, envFile, cronRestart and watch, as `berth info` shows them (src/api/spec-info.ts). */
export interface AppSpecInfo {
  dependsOn: { name: string; condition: 'Ready' | 'Started' }[];
  envFile: string[];
  cronRestart: string | null;
  /** When the next scheduled restart is due (ms since the epoch), null without cronRestart. */
  nextCronRestart: number | null;
  watch: { paths: string[]; ignore: string[]; debounceMs: number } | null;
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
  /** Apps: what runs (command, cwd, env with secrets masked, log paths). */
  run?: RunView;
  /** Set while the controller cannot write its store (disk full, I/O error): changes are retried. */
  storeFault?: { message: string; since: number; failures: number };
  /** Set when a `berth sync` source wrote this app's manifest. */
  sync?: { source: string; repo: string; revision: string | null; ready: string; lastError: string | null };
  /** Apps: dependsOn, envFile, cronRestart and watch (absent from a controller that does not fill them in). */
  spec?: AppSpecInfo;
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

/** `--port` overrides the ports (whole app only); `instance` addresses one instance (`berth restart web/2`). */
export interface ActOptions {
  port?: string;
  instance?: number;
}

/** One app as `all` and `-l key=value` select from (GET /v1/apps). */
export interface AppSummary {
  name: string;
  kind: 'App' | 'PortClaim';
  labels: Record<string, string>;
  desiredState: 'running' | 'stopped';
}

export interface AppsOverview {
  apps: AppSummary[];
  /** Every manifest problem in the watched directory (file:line:col: ...), for `berth list`'s warnings. */
  manifestErrors: string[];
}

/** What `berth list` shows, in one answer (GET /v1/list): one round trip instead of three. */
export interface ListState {
  instances: InstanceView[];
  overview: AppsOverview;
  /** The controller's warnings (ControllerStatus.warnings). */
  warnings: string[];
}

/** What the controller offers the API server. */
export interface ControllerApi {
  status(): ControllerStatus;
  listInstances(): Promise<InstanceView[]>;
  appInfo(name: string): Promise<AppInfo>;
  listApps(): Promise<AppsOverview>;
  act(name: string, action: AppAction, options: ActOptions): Promise<{ message: string }>;
  reconcileNow(name?: string): Promise<void>;
  shutdown(options: { stopApps: boolean }): Promise<void>;
}
