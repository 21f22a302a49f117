/**
 * One spawn of an instance, in the order ownership needs: its marker
 * recorded in the store, its log files opened as berth's own, then the
 * process, with the marker in its environment. A step that fails undoes the
 * ones before it.
 */
import { BerthError } from '../errors.js';
import type { ProcessRunner, SpawnedProcess } from '../process/process-runner.js';
import { resolveLogPaths } from '../process/log-paths.js';
import { MARKER_VAR } from '../process/spawn-marker.js';
import { childEnv } from './child-env.js';
import type { InstanceLogs, LogFiles } from './log-files.js';
import type { SpawnRecords } from './spawn-records.js';
import type { InstanceConfig } from './types.js';
import type { ListenSocketHandOver } from '../socket/spawn-with-socket.js';

/** spec.socket apps: the socket a spawn inherits, and its inode for accept readiness (socket-registry.ts). */
export interface SocketSource {
  handOverFor(config: InstanceConfig): Promise<ListenSocketHandOver | undefined>;
  inodeOf(config: InstanceConfig): string | undefined;
}

export interface SpawnDeps {
  runner: ProcessRunner;
  spawns: SpawnRecords;
  logs: LogFiles;
  onError: (err: unknown) => void;
  sockets?: SocketSource;
  /** Aborted when nobody wants the process any more (its actor stopped, the controller detached): no fork then. */
  signal?: AbortSignal;
}

/** The spawn was given up before the fork: its actor went away meanwhile. */
export class SpawnCancelledError extends BerthError {
  constructor(key: string) {
    super('SPAWN_CANCELLED', `${key}: not spawned, its supervision ended first`);
  }
}

export interface SpawnedInstance {
  child: SpawnedProcess;
  marker: string;
  logs: InstanceLogs;
}

export function logPathsOf(config: InstanceConfig) {
  return resolveLogPaths({ app: config.app, index: config.index, logDir: config.logDir, logs: config.spec.logs });
}

/**
 * @example const { child, marker, logs } = await spawnInstance(config, deps);
 */
export async function spawnInstance(config: InstanceConfig, { runner, spawns, logs, onError, sockets, signal }: SpawnDeps): Promise<SpawnedInstance> {
  // A crash restart gets the same socket at once: clients waited in its queue meanwhile.
  const listenSocket = await sockets?.handOverFor(config);
  // Recorded before the spawn (kept to record later if the store cannot take it now: a full disk must not stop supervision).
  const marker = spawns.begin(config.app, config.index);
  let files: InstanceLogs | undefined;
  const stillWanted = () => {
    if (signal?.aborted) throw new SpawnCancelledError(`${config.app}/${config.index}`);
  };
  try {
    stillWanted();
    files = await logs.acquire(logPathsOf(config), config.spec.logs);
    stillWanted();
    const { script, args, cwd, shell } = config.spec;
    const child = await runner.spawn({ script, args, cwd, shell, env: { ...childEnv(config), [MARKER_VAR]: marker }, stdout: files.out, stderr: files.err, ...(listenSocket ? { listenSocket } : {}) });
    spawns.spawned(marker, child.pid, child.startTime);
    return { child, marker, logs: files };
  } catch (err) {
    files?.release();
    spawns.ended(marker);
    throw err;
  }
}
