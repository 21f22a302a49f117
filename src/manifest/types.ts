/**
 * The normalised shapes berth works with after a manifest is loaded. The
 * input shapes (what a user may write) are generated from schemas/ into
 * generated/; these are what the controller plans with: defaults filled,
 * durations in milliseconds, paths absolute.
 */

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

interface ProbeTiming {
  initialDelayMs: number;
  intervalMs: number;
  timeoutMs: number;
  failureThreshold: number;
  successThreshold: number;
}

export type ProbeSpec = ProbeTiming &
  (
    | { type: 'http'; path: string; port?: number; host: string }
    | { type: 'tcp'; port?: number; host: string }
    | { type: 'exec'; command: string[] }
  );

export interface BackoffSpec {
  /** Delay before the second restart; doubled after each crash. The first restart is immediate. */
  initialMs: number;
  maxMs: number;
  /** Running this long without a crash resets the curve. */
  resetAfterMs: number;
}

export interface LogSpec {
  out?: string;
  err?: string;
  maxSizeBytes: number;
  maxFiles: number;
}

export interface PortDemand {
  tcp: number;
  udp: number;
}

export interface AppSpec {
  script: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** false: the app gets only PATH, HOME, LANG, USER of the controller's environment. Absent means true (kept out of the spec hash). */
  inheritEnv?: false;
  shell: boolean;
  instances: number;
  /** Normalised port spec: "3000", "3000-3003" or "auto:5000-5100". */
  port?: string;
  ports: PortDemand;
  restartPolicy: RestartPolicy;
  backoff: BackoffSpec;
  /** PM2: this many exits in a row before minUptime → errored. */
  maxRestarts?: number;
  minUptimeMs: number;
  restartDelayMs?: number;
  readinessProbe?: ProbeSpec;
  livenessProbe?: ProbeSpec;
  stopSignal: NodeJS.Signals;
  stopTimeoutMs: number;
  /** Reload hand-over order; undefined = StartFirst when ports change, StopFirst when they stay. */
  reloadOrder?: 'StartFirst' | 'StopFirst';
  maxMemoryBytes?: number;
  logs: LogSpec;
}

export interface Metadata {
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** Where a resource came from: its file and the position of its document. */
export interface ResourceSource {
  file: string;
  line: number;
  col: number;
}

export interface AppResource {
  kind: 'App';
  metadata: Metadata;
  spec: AppSpec;
  /** Hash of what the instances run (pod-template-hash): excludes instances and metadata. */
  specHash: string;
  source: ResourceSource;
}

export interface PortClaimResource {
  kind: 'PortClaim';
  metadata: Metadata;
  spec: PortDemand;
  specHash: string;
  source: ResourceSource;
}

export type Resource = AppResource | PortClaimResource;
