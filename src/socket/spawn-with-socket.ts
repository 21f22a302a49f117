/**
 * The thin adapter from a socket hand-over to a real process: checks the
 * program exists (behind the `sh -c exec` wrapper a missing program would be
 * a quick exit 127 instead of a clear error), decorates the launch
 * (socket-launch.ts) and spawns it detached in its own process group.
 * The controller's spawn path (src/process/spawn-process.ts) calls
 * `launchWithListenSocket` and spawns with its log files; tests and the
 * benchmark use `spawnWithSocket`.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BerthError } from '../errors.js';
import { DEFAULT_SOCKET_NAME } from './socket-defaults.js';
import { withListenSocket, type Launch } from './socket-launch.js';

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

/** What the spawn path hands over: the controller's fd of the socket, PORT, LISTEN_FDNAMES. */
export interface ListenSocketHandOver {
  fd: number;
  port: number;
  name: string;
}

/**
 * How a program is launched: unchanged without a socket; with one, checked
 * to exist (the wrapper would hide a missing program behind exit 127), then
 * wrapped to inherit the socket as fd 3 (LISTEN_* variables, Node preload).
 * Throws SPAWN_FAILED, worded as spawn-process.ts words a missing program.
 *
 * @example
 * const launch = launchWithListenSocket({ file: 'node', args: ['server.js'], env, cwd }, { fd: 19, port: 8080, name: 'http' });
 * spawn(launch.file, launch.args, { env: launch.env, stdio: ['ignore', out, err, ...launch.extraFds] });
 */
export function launchWithListenSocket({ file, args, env, cwd }: { file: string; args: string[]; env: Record<string, string>; cwd: string }, socket: ListenSocketHandOver | undefined): Launch {
  if (!socket) return { file, args, env, extraFds: [] };
  if (findExecutable(file, cwd, env.PATH) === undefined) {
    throw new BerthError('SPAWN_FAILED', `Cannot start '${file}': '${file}' was not found (not on PATH and not relative to ${cwd}) or is not executable`);
  }
  return withListenSocket({ file, args, env, extraFds: [] }, { ...socket, nodePreload: NODE_PRELOAD_PATH });
}

/**
 * @example
 * const socket = await openListeningSocket({ port: 8080 });
 * const child = await spawnWithSocket({ script: 'node', args: ['server.js'], cwd, env: { ...process.env }, socket });
 */
export async function spawnWithSocket(request: SocketSpawnRequest): Promise<ChildProcess> {
  const { script, args, cwd, env, socket } = request;
  const launch = launchWithListenSocket({ file: script, args, env, cwd }, { fd: socket.fd, port: socket.port, name: request.name ?? DEFAULT_SOCKET_NAME });
  const stdio: StdioOptions = ['ignore', request.stdout ?? 'ignore', request.stderr ?? 'ignore', ...launch.extraFds];
  const child = spawn(launch.file, launch.args, { cwd, env: launch.env, stdio, detached: true });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', (err) => reject(new BerthError('SPAWN_FAILED', `Cannot start '${script}': ${err.message}`, { cause: err })));
  });
  return child;
}
