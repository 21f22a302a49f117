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

/** `spec.socket`: berth binds and listens, instances inherit the socket as fd 3. */
export interface SocketSpec {
  /** One socket for every instance (single port) instead of one per instance port. */
  shared: boolean;
  /** IP address to bind ('::' dual-stack by default). */
  host: string;
  backlog: number;
  /** LISTEN_FDNAMES. */
  name: string;
}

/** `dependsOn` entry: start only once `name` is Ready (every instance online) or Started (every instance running). */
export interface DependencySpec {
  name: string;
  condition: 'Ready' | 'Started';
}

/** `watch`, normalised: what to watch, what to skip, how long to wait for quiet. */
export interface WatchSpec {
  /** Absolute folders or files (default: the app's cwd). */
  paths: string[];
  /** Globs as written (see src/watch/watch-filter.ts); node_modules, dot-files and logs are skipped on top of these. */
  ignore: string[];
  debounceMs: number;
}

export interface AppSpec {
  script: string;
  args: string[];
  cwd: string;
  /**
   * The app's own variables: the envFile variables (files in order, a later
   * one winning) with the manifest's `env` over them. The loader fills in the
   * files (src/manifest/env-file/resolve-env-files.ts), so their content is in
   * the spec hash and an edit of a value rolls the app.
   */
  env: Record<string, string>;
  /** Absolute paths of the dotenv files merged into env ([] when none). */
  envFile: string[];
  /** false: the app gets only PATH, HOME, LANG, USER of the controller's environment. Absent means true (kept out of the spec hash). */
  inheritEnv?: false;
  shell: boolean;
  instances: number;
  /** Normalised port spec: "3000", "3000-3003" or "auto:5000-5100". */
  port?: string;
  ports: PortDemand;
  /** Set when berth owns the listening socket (spec.socket). */
  socket?: SocketSpec;
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
  /** Apps to wait for before starting; [] when none. */
  dependsOn: DependencySpec[];
  /** A 5- or 6-field cron expression (whitespace normalised), host time zone. */
  cronRestart?: string;
  watch?: WatchSpec;
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
  /** Hash of what the instances run (pod-template-hash): excludes instances, metadata and when-to-restart fields. */
  specHash: string;
  source: ResourceSource;
  /**
   * Positions of the entries that checks after parsing report on (a
   * dependency cycle, an unreadable env file), keyed by their path as
   * messages write it: "spec.dependsOn[0]", "spec.envFile[1]".
   */
  positions?: Record<string, ResourceSource>;
}

export interface PortClaimResource {
  kind: 'PortClaim';
  metadata: Metadata;
  spec: PortDemand;
  specHash: string;
  source: ResourceSource;
}

export type Resource = AppResource | PortClaimResource;
