/* Generated from schemas/ by `npm run gen:types`. Do not edit. */

/**
 * 3000 | "3000" | "3000-3003" (instance i gets start+i) | "auto:5000-5100" (first free ports in the range).
 */
export type PortSpec = number | string;
/**
 * A duration: a number of milliseconds, or a string such as "500ms", "10s", "5m", "1h".
 */
export type Duration = number | string;
/**
 * A size: a number of bytes, or a string such as "512K", "512M", "1G" (powers of 1024).
 */
export type ByteSize = number | string;
/**
 * An app that must be up first: its name (lower case letters, digits and '-'), or {name, condition} with condition Ready (default) or Started.
 */
export type Dependency =
  | string
  | {
      /**
       * the name of an app (lower case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters)
       */
      name: string;
      /**
       * Ready (default): every instance of the dependency is ready. Started: every instance has started.
       */
      condition?: 'Ready' | 'Started';
    };
/**
 * Restart (rolling) when files change: true watches the app's cwd; a map can name paths, ignore globs and the debounce.
 */
export type WatchSpec =
  | boolean
  | {
      /**
       * Folders or files to watch (relative paths resolve against the app's cwd). Default: the cwd.
       *
       * @minItems 1
       */
      paths?: [string, ...string[]];
      /**
       * Globs to ignore, as in .gitignore: a pattern without '/' matches a file or folder name at any depth, one with '/' the path under a watched folder. node_modules, dot-files and the app's own logs are always ignored.
       */
      ignore?: string[];
      /**
       * A duration: a number of milliseconds, or a string such as "500ms", "10s", "5m", "1h".
       */
      debounce?: number | string;
    };

/**
 * A berth/v1 App: a program berth runs as one or more supervised instances.
 */
export interface AppManifest {
  apiVersion: 'berth/v1';
  kind: 'App';
  metadata: Metadata;
  spec: AppSpecInput;
  /**
   * Written by berth; ignored on input.
   */
  status?: {};
}
export interface Metadata {
  /**
   * DNS-1123 label: lower case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters.
   */
  name: string;
  labels?: {
    [k: string]: string;
  };
  annotations?: {
    [k: string]: string;
  };
}
export interface AppSpecInput {
  /**
   * The program to run (looked up on PATH), or a command line when shell is true.
   */
  script: string;
  args?: string[];
  /**
   * Working directory; relative paths resolve against the manifest's folder.
   */
  cwd?: string;
  env?: {
    [k: string]: string | number | boolean;
  };
  /**
   * Start the app with the controller's environment (default true, as PM2). false: only PATH, HOME, LANG and USER from it, then env and the injected variables.
   */
  inheritEnv?: boolean;
  /**
   * Run script as the command of /bin/sh -c; each args element is passed to it as one quoted word ("$@"), never parsed as shell code. Off by default.
   */
  shell?: boolean;
  instances?: number;
  port?: PortSpec;
  ports?: PortDemand;
  socket?: SocketSpec;
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  restartBackoff?: RestartBackoff;
  /**
   * PM2 semantics: this many exits in a row, each before minUptime, and the instance is errored.
   */
  maxRestarts?: number;
  minUptime?: Duration;
  /**
   * A duration: a number of milliseconds, or a string such as "500ms", "10s", "5m", "1h".
   */
  restartDelay?: number | string;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  stopSignal?: 'SIGTERM' | 'SIGINT' | 'SIGQUIT' | 'SIGHUP' | 'SIGUSR1' | 'SIGUSR2' | 'SIGKILL';
  stopTimeout?: Duration;
  /**
   * How reload replaces an instance. StartFirst: the new process starts and must be ready before the old one stops, even on the same port (the app must bind with SO_REUSEPORT to share it). StopFirst: the old one stops first. Default: StartFirst when the instance's ports change, StopFirst when they stay.
   */
  reloadOrder?: 'StartFirst' | 'StopFirst';
  maxMemory?: ByteSize;
  logs?: LogSpec;
  /**
   * Apps that must be up before this one starts (docker compose depends_on). A cycle is an error.
   */
  dependsOn?: Dependency[];
  /**
   * dotenv file(s) read as `node --env-file` reads them; relative paths resolve against the manifest's folder. Precedence: envFile < env < injected variables; a later file wins over an earlier one. A missing file is an error.
   */
  envFile?: string | string[];
  /**
   * Rolling restart on a schedule: a cron expression of 5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first), in the host's time zone, e.g. "0 3 * * *".
   */
  cronRestart?: string;
  watch?: WatchSpec;
}
/**
 * Contiguous blocks of ports taken from the pool (NethServer-style).
 */
export interface PortDemand {
  tcp?: number;
  udp?: number;
}
/**
 * berth binds and listens on the app's port itself and hands the socket to every instance as fd 3 (systemd's LISTEN_FDS protocol), so restarts and reloads queue clients instead of refusing them. Needs spec.port.
 */
export interface SocketSpec {
  /**
   * true: one socket on a single port (or one port of an auto: range) for all instances, PM2 cluster mode for any language. false (default): one socket per instance port.
   */
  shared?: boolean;
  /**
   * The IP address to bind, default "::" (dual-stack: IPv6 and IPv4).
   */
  host?: string;
  /**
   * listen(2) backlog: connections that can wait while no instance accepts (capped by net.core.somaxconn). Default 511.
   */
  backlog?: number;
  /**
   * The socket's name for the app (LISTEN_FDNAMES): letters, digits, '_', '.' and '-', at most 255 (default "http").
   */
  name?: string;
}
/**
 * CrashLoopBackOff curve: first restart at once, then initial doubling up to max; reset after resetAfter running.
 */
export interface RestartBackoff {
  initial?: Duration;
  max?: Duration;
  resetAfter?: Duration;
}
/**
 * A health check: exactly one of http, tcp or exec.
 */
export interface Probe {
  http?: {
    path?: string;
    port?: number;
    host?: '127.0.0.1' | '::1' | 'localhost';
  };
  tcp?: {
    port?: number;
    host?: '127.0.0.1' | '::1' | 'localhost';
  };
  exec?: {
    /**
     * @minItems 1
     */
    command: [string, ...string[]];
  };
  initialDelay?: Duration;
  interval?: Duration;
  timeout?: Duration;
  failureThreshold?: number;
  successThreshold?: number;
}
export interface LogSpec {
  /**
   * stdout file (default <home>/logs/NAME-INDEX.out.log)
   */
  out?: string;
  /**
   * stderr file (default <home>/logs/NAME-INDEX.err.log)
   */
  err?: string;
  maxSize?: ByteSize;
  maxFiles?: number;
}
