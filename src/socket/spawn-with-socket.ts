/**
 * The thin adapter from a socket hand-over to a real process: checks the
 * program exists (behind the `sh -c exec` wrapper a missing program would be
 * a quick exit 127 instead of a clear error), decorates the launch
 * (socket-launch.ts) and spawns it detached in its own process group.
 * The controller's spawn path (src/process/spawn-process.ts) does the same
 * with its log files; tests and the benchmark use this one.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BerthError } from '../errors.js';
import { DEFAULT_SOCKET_NAME } from './socket-defaults.js';
import { withListenSocket } from './socket-launch.js';

/** The compiled preload that makes `listen(process.env.PORT)` use fd 3 (node-preload.cts). */
export const NODE_PRELOAD_PATH = fileURLToPath(new URL('./node-preload.cjs', import.meta.url));

export interface SocketSpawnRequest {
  script: string;
  args: string[];
  cwd: string;
  /** The complete environment (merged); the socket variables are added over it. */
  env: Record<string, string>;
  socket: { fd: number; port: number };
  /** LISTEN_FDNAMES; default 'http'. */
  name?: string;
  /** Where stdout/stderr go: an fd, 'ignore' (default) or 'inherit'. */
  stdout?: number | 'ignore' | 'inherit';
  stderr?: number | 'ignore' | 'inherit';
}

/**
 * The absolute path `file` runs as, looked up like execvp(3): relative to
 * `cwd` when it holds a '/', else on `PATH`; undefined when not found or not
 * executable.
 *
 * @example findExecutable('node', '/srv/app', process.env.PATH) → '/usr/local/bin/node'
 */
export function findExecutable(file: string, cwd: string, pathVariable = ''): string | undefined {
  const candidates = file.includes('/') ? [path.resolve(cwd, file)] : pathVariable.split(':').map((dir) => path.resolve(cwd, dir || '.', file));
  return candidates.find((candidate) => {
    try {
      accessSync(candidate, constants.X_OK);
      return statSync(candidate).isFile();
    } catch {
      return false;
    }
  });
}

/**
 * @example
 * const socket = await openListeningSocket({ port: 8080 });
 * const child = await spawnWithSocket({ script: 'node', args: ['server.js'], cwd, env: { ...process.env }, socket });
 */
export async function spawnWithSocket(request: SocketSpawnRequest): Promise<ChildProcess> {
  const { script, args, cwd, env, socket } = request;
  if (findExecutable(script, cwd, env.PATH) === undefined) {
    throw new BerthError('SPAWN_FAILED', `Cannot start '${script}': '${script}' was not found (not on PATH and not relative to ${cwd}) or is not executable`);
  }
  const launch = withListenSocket({ file: script, args, env, extraFds: [] }, {
    fd: socket.fd,
    port: socket.port,
    name: request.name ?? DEFAULT_SOCKET_NAME,
    nodePreload: NODE_PRELOAD_PATH,
  });
  const stdio: StdioOptions = ['ignore', request.stdout ?? 'ignore', request.stderr ?? 'ignore', ...launch.extraFds];
  const child = spawn(launch.file, launch.args, { cwd, env: launch.env, stdio, detached: true });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (err) => reject(new BerthError('SPAWN_FAILED', `Cannot start '${script}': ${err.message}`, { cause: err })));
  });
  return child;
}
