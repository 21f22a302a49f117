/**
 * Starts an app so that it outlives the controller: no shell (unless asked),
 * detached in its own process group, stdout/stderr written by the child
 * itself to log files opened for it, then unref()'d.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import path from 'node:path';
import { BerthError } from '../errors.js';
import { readStartTime } from './proc-stat.js';
import { launchWithListenSocket } from '../socket/spawn-with-socket.js';
import type { ProcessExit, SpawnRequest, SpawnedProcess } from './process-runner.js';

/**
 * Spawns `script args` and resolves once the kernel has started it, or
 * rejects with a BerthError SPAWN_FAILED naming the script and the reason.
 *
 * @example
 * const child = await spawnProcess({ script: 'node', args: ['server.js'], cwd, env, shell: false,
 *   stdoutPath: 'logs/web-0.out.log', stderrPath: 'logs/web-0.err.log' });
 * child.onExit(({ code }) => console.log('exited', code));
 */
export async function spawnProcess({ script, args, cwd, env, shell, stdoutPath, stderrPath, listenSocket }: SpawnRequest): Promise<SpawnedProcess> {
  checkCwd(script, cwd);
  const fds = openLogFds(stdoutPath, stderrPath);
  try {
    const [file, argv] = shell ? ['/bin/sh', ['-c', [script, ...args].join(' ')]] : [script, args];
    // spec.socket: the socket as fd 3 with LISTEN_* (unchanged without one).
    const launch = launchWithListenSocket({ file, args: argv, env, cwd }, listenSocket);
    const child = spawn(launch.file, launch.args, {
      cwd,
      env: launch.env,
      // Own process group: stop signals the whole tree, and Ctrl-C in the controller's terminal does not reach it.
      detached: true,
      // The child writes its logs itself: nothing flows through the controller, so it can die without SIGPIPE-ing the app.
      stdio: ['ignore', fds.out, fds.err, ...launch.extraFds],
      windowsHide: true,
    });
    let exited: ProcessExit | undefined;
    const listeners = new Set<(exit: ProcessExit) => void>();
    child.on('exit', (code, signal) => {
      exited = { code, signal };
      for (const listener of listeners) listener(exited);
      listeners.clear();
    });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', (err: NodeJS.ErrnoException) => reject(spawnError(script, cwd, err)));
    });
    child.unref();
    const pid = child.pid!;
    return {
      pid,
      startTime: readStartTime(pid) ?? null,
      onExit(listener) {
        if (exited) {
          const done = exited;
          queueMicrotask(() => listener(done));
          return () => {};
        }
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
  } finally {
    // The child holds its own copies of the descriptors now.
    closeSync(fds.out);
    if (fds.err !== fds.out) closeSync(fds.err);
  }
}

function checkCwd(script: string, cwd: string): void {
  let isDir = false;
  try {
    isDir = statSync(cwd).isDirectory();
  } catch {
    // reported below
  }
  if (!isDir) throw new BerthError('SPAWN_FAILED', `Cannot start '${script}': working directory ${cwd} does not exist`);
}

/** O_APPEND so writes land at the end even after copytruncate rotation shrinks the file. */
function openLogFds(stdoutPath: string, stderrPath: string): { out: number; err: number } {
  mkdirSync(path.dirname(stdoutPath), { recursive: true });
  mkdirSync(path.dirname(stderrPath), { recursive: true });
  const out = openSync(stdoutPath, 'a', 0o640);
  if (stderrPath === stdoutPath) return { out, err: out };
  try {
    return { out, err: openSync(stderrPath, 'a', 0o640) };
  } catch (err) {
    closeSync(out);
    throw err;
  }
}

function spawnError(script: string, cwd: string, err: NodeJS.ErrnoException): BerthError {
  const reason =
    err.code === 'ENOENT' ? `'${script}' was not found (not on PATH and not relative to ${cwd})`
    : err.code === 'EACCES' ? `'${script}' is not executable`
    : err.message;
  return new BerthError('SPAWN_FAILED', `Cannot start '${script}': ${reason}`, { cause: err });
}
