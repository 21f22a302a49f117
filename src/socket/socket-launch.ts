/**
 * Decorates how an instance is launched so it inherits a listening socket
 * the systemd way (sd_listen_fds(3)): the socket as fd 3, LISTEN_FDS=1,
 * LISTEN_FDNAMES, and LISTEN_PID equal to the instance's own PID, plus
 * berth's PORT and BERTH_LISTEN_FD=3. Pure: plain data in, plain data out.
 *
 * Composable with whatever else the spawn path does: it only adds env keys,
 * wraps argv, and adds fd 3. A `shell: true` command, or a spawn marker
 * variable, passes through untouched.
 *
 * LISTEN_PID: Node cannot set a child's environment after fork, so the
 * program is started through `sh -c 'LISTEN_PID=$$ exec "$0" "$@"'`; exec
 * keeps the shell's PID, which is the PID berth records for the instance.
 */

/** A program about to be spawned: what `spawn(file, args, { env, stdio: [in, out, err, ...extraFds] })` gets. */
export interface Launch {
  file: string;
  args: string[];
  /** The complete environment of the child. */
  env: Record<string, string>;
  /** Descriptors the child gets as fd 3, 4, ... in this order. */
  extraFds: number[];
}

export interface SocketHandOver {
  /** The controller's fd of the listening socket (ListeningSocket.fd). */
  fd: number;
  /** What the instance sees as PORT. */
  port: number;
  /** LISTEN_FDNAMES (spec.socket.name, default 'http'). */
  name: string;
  /** Absolute path of the Node preload (node-preload.cjs); undefined leaves NODE_OPTIONS alone. */
  nodePreload?: string;
}

/** sd_listen_fds(3): passed descriptors start at 3. */
export const LISTEN_FD = 3;
/** `$0` is the program, `"$@"` its arguments; exec keeps the PID that `$$` names. */
export const LISTEN_PID_WRAPPER = 'LISTEN_PID=$$ exec "$0" "$@"';

/**
 * @example
 * withListenSocket({ file: 'node', args: ['server.js'], env: { PATH }, extraFds: [] }, { fd: 19, port: 8080, name: 'http' })
 * → { file: '/bin/sh', args: ['-c', 'LISTEN_PID=$$ exec "$0" "$@"', 'node', 'server.js'],
 *     env: { PATH, LISTEN_FDS: '1', LISTEN_FDNAMES: 'http', PORT: '8080', BERTH_LISTEN_FD: '3' }, extraFds: [19] }
 */
export function withListenSocket(launch: Launch, socket: SocketHandOver): Launch {
  if (launch.extraFds.length > 0) throw new Error('withListenSocket: fd 3 is already taken; the listening socket must be the first passed descriptor');
  const env: Record<string, string> = { ...launch.env };
  // Only the wrapper may name the PID: a value inherited from whoever started berth would be a lie.
  delete env.LISTEN_PID;
  delete env.LISTEN_PIDFDID;
  env.LISTEN_FDS = '1';
  env.LISTEN_FDNAMES = socket.name;
  env.PORT = String(socket.port);
  env.BERTH_LISTEN_FD = String(LISTEN_FD);
  if (socket.nodePreload !== undefined) env.NODE_OPTIONS = withRequire(env.NODE_OPTIONS, socket.nodePreload);
  return {
    file: '/bin/sh',
    args: ['-c', LISTEN_PID_WRAPPER, launch.file, ...launch.args],
    env,
    extraFds: [socket.fd],
  };
}

/**
 * Appends `--require PATH` to NODE_OPTIONS (kept if already there). Node
 * reads double-quoted words with backslash escapes in NODE_OPTIONS.
 *
 * @example withRequire('--max-old-space-size=512', '/opt/berth/node-preload.cjs')
 *   → '--max-old-space-size=512 --require "/opt/berth/node-preload.cjs"'
 */
export function withRequire(nodeOptions: string | undefined, modulePath: string): string {
  const option = `--require "${modulePath.replace(/["\\]/g, (c) => `\\${c}`)}"`;
  const current = nodeOptions?.trim() ?? '';
  if (current.includes(option)) return current;
  return current ? `${current} ${option}` : option;
}
