/**
 * The narrow views of the ports and instance layers the controller uses, so
 * reconcile tests can pass fakes and the layers stay swappable.
 */
import type { PortDemand } from '../manifest/types.js';
import type { InstancePorts } from '../ports/types.js';
import type { InstanceConfig, InstanceSnapshot, RunningInstance } from '../instance/types.js';
import type { ReplaceOptions } from '../instance/hand-over.js';
import type { ListenSocketState } from '../instance/socket-registry.js';

// The instance layer owns these shapes; the controller uses them as they are.
export type { InstanceConfig, InstanceSnapshot, RunningInstance, ReplaceOptions, ListenSocketState };

export interface PortsDep {
  ensureAppPorts(app: string, req: { port?: string; instances: number; demand: PortDemand; shared?: boolean }): Promise<InstancePorts[]>;
  releaseInstance(app: string, index: number): void;
  releaseApp(app: string): void;
  ensureClaim(name: string, demand: PortDemand): Promise<{ tcp: number[]; udp: number[] }>;
  releaseClaim(name: string): void;
}

/** Builds the config an instance of an app runs: `configFor(index, specHash)`. */
export type ConfigFor = (index: number, specHash: string) => InstanceConfig;

/** What the controller asks of the instance layer (src/instance/supervisor.ts). */
export interface SupervisorDep {
  actual(app: string): RunningInstance[];
  snapshot(app: string, index: number): InstanceSnapshot | undefined;
  /** Makes the snapshots' CPU and memory fresh before they are read (list, info, metrics). */
  refreshSamples(): Promise<void>;
  onChange(listener: (app: string) => void): () => void;
  /** spec.socket: the app's listening sockets, taken back from its running instances first if needed. */
  listenSockets(app: string): Promise<ListenSocketState[]>;
  declare(app: string, count: number, specHash: string): void;
  adoptRecorded(app: string, configFor: ConfigFor): number[];
  start(config: InstanceConfig): unknown;
  replace(config: InstanceConfig, options: ReplaceOptions): Promise<void>;
  restart(app: string, index: number): void;
  halt(app: string, index: number): Promise<void>;
  remove(app: string, index: number): Promise<void>;
  removeApp(app: string, configFor?: ConfigFor): Promise<void>;
  prune(app: string, count: number): void;
  /** Stops reload replacements not yet in charge: their hand-overs give up at once. */
  cancelHandOvers(app?: string): Promise<void>;
  /** Stops everything; `layers` of app names first, one layer after another (dependents first). */
  stopAll(layers?: readonly (readonly string[])[]): Promise<void>;
  /** Leaves every process running; resolves once spawns under way have settled. */
  detachAll(): Promise<void>;
}

export type BuildEnv = (input: { app: string; index: number; ports: InstancePorts; specEnv: Record<string, string> }) => {
  env: Record<string, string>;
  shadowed: string[];
};
