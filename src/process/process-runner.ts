/**
 * The seam between the instance layer and real processes: spawn, stop,
 * identify. One real adapter (real-process-runner.ts) and fakes in tests.
 */

export interface SpawnRequest {
  script: string;
  args: string[];
  cwd: string;
  /** The complete environment of the child (already merged). */
  env: Record<string, string>;
  /** Run through /bin/sh -c (only when the manifest says shell: true). */
  shell: boolean;
  /** Descriptors of the log files the child writes to itself (opened by berth, which closes its own copies). */
  stdout: number;
  stderr: number;
  /** spec.socket: the listening socket the child inherits as fd 3 (src/socket, systemd's protocol). */
  listenSocket?: { fd: number; port: number; name: string };
}

export interface ProcessExit {
  code: number | null;
  signal: string | null;
}

export interface SpawnedProcess {
  pid: number;
  /** /proc/<pid>/stat field 22; null if the child was already gone when read. */
  startTime: string | null;
  /** Calls `listener` once when the child exits (at once if it already has). Returns an unsubscribe. */
  onExit(listener: (exit: ProcessExit) => void): () => void;
}

export interface StopRequest {
  /** The process group leader (berth spawns every app as its own group); it may have exited already. */
  pid: number;
  /** The leader's start time and spawn marker: descendants that left the group (setsid) and carry the marker are stopped too. */
  startTime?: string | null;
  marker?: string | null;
  signal: NodeJS.Signals;
  timeoutMs: number;
  abortSignal?: AbortSignal;
}

export interface StopResult {
  /** True when the group ignored `signal` and SIGKILL was needed. */
  forced: boolean;
}

export interface ProcessRunner {
  spawn(request: SpawnRequest): Promise<SpawnedProcess>;
  stop(request: StopRequest): Promise<StopResult>;
  /** The start time of a live (non-zombie) `pid`, undefined when gone. */
  identify(pid: number): string | undefined;
}
