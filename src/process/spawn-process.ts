/**
 * Starts an app so that it outlives the controller: no shell (unless asked),
 * detached in its own process group, stdout/stderr written by the child
 * itself to the log files berth opened for it, then unref()'d.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { BerthError } from '../errors.js';
import { readStartTime } from './proc-stat.js';
import { launchWithListenSocket } from '../socket/spawn-with-socket.js';
import type { ProcessExit, SpawnRequest, SpawnedProcess } from './process-runner.js';

/**
 * Spawns `script args` and resolves once the kernel has started it, or
 * rejects with a BerthError SPAWN_FAILED naming the script and the reason.
 *
 * @example
 * const child = await spawnProcess({ script: 'node', args: ['server.js'], cwd, env, shell: false, stdout: logs.out, stderr: logs.err });
 * child.onExit(({ code }) => console.log('exited', code));
 */
export async function spawnProcess({ script, args, cwd, env, shell, stdout, stderr, listenSocket }: SpawnRequest): Promise<SpawnedProcess> {
  checkCwd(script, cwd);
  const [file, argv] = shell ? shellCommand(script, args) : [script, args];
  // spec.socket: the socket as fd 3 with LISTEN_* (unchanged without one).
  const launch = launchWithListenSocket({ file, args: argv, env, cwd }, listenSocket);
  const child = spawn(launch.file, launch.args, {
    cwd,
    env: launch.env,
    // Own process group: stop signals the whole tree, and Ctrl-C in the controller's terminal does not reach it.
    detached: true,
    // The child writes its logs itself: nothing flows through the controller, so it can die without SIGPIPE-ing the app.
    stdio: ['ignore', stdout, stderr, ...launch.extraFds],
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
}

/**
 * `shell: true`: `script` is the shell command; each args element reaches it
 * as one quoted word ("$@"), never parsed as shell code.
 *
 * @example shellCommand('printf "[%s]\\n"', ['a b', 'c;d']) // ['/bin/sh', ['-c', 'printf "[%s]\\n" "$@"', 'sh', 'a b', 'c;d']]
 */
export function shellCommand(script: string, args: string[]): [string, string[]] {
  return ['/bin/sh', ['-c', args.length > 0 ? `${script} "$@"` : script, 'sh', ...args]];
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

function spawnError(script: string, cwd: string, err: NodeJS.ErrnoException): BerthError {
  const reason =
    err.code === 'ENOENT' ? `'${script}' was not found (not on PATH and not relative to ${cwd})`
    : err.code === 'EACCES' ? `'${script}' is not executable`
    : err.message;
  return new BerthError('SPAWN_FAILED', `Cannot start '${script}': ${reason}`, { cause: err });
}
