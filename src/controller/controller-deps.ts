/**
 * The narrow views of the ports and instance layers the controller uses, so
 * reconcile tests can pass fakes and the layers stay swappable.
 */
import type { PortDemand } from '../manifest/types.js';
import type { AdoptedProcess, InstanceConfig, InstanceSnapshot } from '../instance/types.js';
import type { InstancePorts } from './plan-app.js';

export interface PortsDep {
  ensureAppPorts(app: string, req: { port?: string; instances: number; demand: PortDemand }): Promise<InstancePorts[]>;
  releaseInstance(app: string, index: number): void;
  releaseApp(app: string): void;
  ensureClaim(name: string, demand: PortDemand): Promise<{ tcp: number[]; udp: number[] }>;
  releaseClaim(name: string): void;
}

// The instance layer owns these shapes; the controller uses them as they are.
export type { InstanceConfig, AdoptedProcess, InstanceSnapshot } from '../instance/types.js';

export interface InstanceHandleDep {
  readonly key: string;
  snapshot(): InstanceSnapshot;
  stop(): Promise<void>;
  restart(): void;
  waitReady(options?: { timeoutMs?: number }): Promise<void>;
  subscribe(listener: (snapshot: InstanceSnapshot) => void): () => void;
}

export interface SupervisorDep {
  start(config: InstanceConfig, adopt?: AdoptedProcess): InstanceHandleDep;
  /** A second process for (app, index) while the current one runs (reload hand-over on new ports). */
  startReplacement(config: InstanceConfig): InstanceHandleDep;
  /** Stops every process of (app, index) and forgets it (scale down, delete). */
  remove(app: string, index: number): Promise<void>;
  stopAll(): Promise<void>;
  detachAll(): void;
}
