/**
 * The listening sockets berth owns for `spec.socket` apps: bound and
 * listening, handed to every instance as fd 3, and never accepted on by the
 * controller. How (research: shared/research/socket-handoff.md §2.2):
 * 1. bind with net._createServerHandle: bound, not listening, never polled;
 * 2. listen(2) once, in a throwaway child that holds the sockets as fds 3..
 *    and exits before its event loop runs (listening is a property of the
 *    socket, not of the fd, so the controller's copy now listens too);
 * 3. clear O_NONBLOCK, which that child's libuv set on the shared open file
 *    description: instances get a blocking socket, as systemd hands over.
 * Connections that arrive while no instance runs wait in the kernel's accept
 * queue, so a restart or a StopFirst reload queues clients instead of
 * refusing them.
 */
import { spawn } from 'node:child_process';
import { closeSync } from 'node:fs';
import { PortInUseError } from '../ports/port-errors.js';
import { bindTcpHandle, type TcpServerHandle } from './node-server-handle.js';
import { DEFAULT_BACKLOG, DEFAULT_SOCKET_HOST } from './socket-defaults.js';
import { SocketError } from './socket-errors.js';
import { socketInodeOf } from './socket-inode.js';


export interface ListenRequest {
  /** An IP address; default '::' (dual-stack, falls back to 0.0.0.0 where IPv6 is off). */
  host?: string;
  /** 0: the kernel picks a free port (tests). */
  port: number;
  /** listen(2) backlog; the kernel caps it at net.core.somaxconn. Default 511. */
  backlog?: number;
}

/**
 * One socket berth owns. `fd` is what spawns hand over as fd 3; `inode`
 * identifies it in /proc (stored, to check a socket found in an instance).
 */
export class ListeningSocket {
  private open = true;

  private constructor(
    readonly fd: number,
    readonly inode: string,
    readonly host: string,
    readonly port: number,
    private readonly release: () => void,
  ) {}

  /** Wraps a bound and listening handle this process made. */
  static fromHandle(handle: TcpServerHandle, host: string): ListeningSocket {
    const address: { port?: number } = {};
    handle.getsockname(address);
    const inode = socketInodeOf('self', handle.fd);
    if (inode === undefined) throw new SocketError(`cannot read the inode of socket fd ${handle.fd} in /proc/self/fd`);
    return new ListeningSocket(handle.fd, inode, host, address.port ?? 0, () => handle.close());
  }

  /**
   * Wraps a raw fd copied from an instance (take-socket.ts). It is not
   * wrapped in a libuv handle: that would set O_NONBLOCK under the
   * instances' feet, and berth only ever passes the fd on and closes it.
   */
  static fromAdoptedFd(fd: number, { inode, host, port }: { inode: string; host: string; port: number }): ListeningSocket {
    return new ListeningSocket(fd, inode, host, port, () => closeSync(fd));
  }

  get isOpen(): boolean {
    return this.open;
  }

  /**
   * Closes the controller's copy. Instances keep theirs; the port is free
   * once the last holder closes. Never shutdown(2): that would stop every
   * holder. Idempotent.
   */
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.release();
  }
}

/**
 * Binds and listens on each request (one throwaway child for all of them);
 * all or nothing: on any failure the sockets bound so far are closed.
 * Throws PortInUseError (SPEC's message) for EADDRINUSE, SocketError otherwise.
 *
 * @example const [web] = await openListeningSockets([{ port: 8080 }]); spawn(..., { stdio: [0, 1, 2, web.fd] })
 */
export async function openListeningSockets(requests: readonly ListenRequest[]): Promise<ListeningSocket[]> {
  const bound: { handle: TcpServerHandle; host: string }[] = [];
  try {
    for (const request of requests) bound.push(bindOne(request));
    await listenOnce(bound.map((b) => b.handle.fd), requests.map((r) => r.backlog ?? DEFAULT_BACKLOG));
    return bound.map(({ handle, host }) => {
      const socket = ListeningSocket.fromHandle(handle, host);
      const err = handle.setBlocking(true);
      if (err !== 0) throw new SocketError(`cannot clear O_NONBLOCK on the socket of port ${socket.port} (errno ${err})`);
      return socket;
    });
  } catch (err) {
    for (const { handle } of bound) handle.close();
    throw err;
  }
}

/** @example const socket = await openListeningSocket({ host: '::', port: 8080, backlog: 511 }); */
export async function openListeningSocket(request: ListenRequest): Promise<ListeningSocket> {
  const [socket] = await openListeningSockets([request]);
  return socket!;
}

function bindOne({ host = DEFAULT_SOCKET_HOST, port }: ListenRequest): { handle: TcpServerHandle; host: string } {
  let result = bindTcpHandle(host, port);
  let boundHost = host;
  // The default is dual-stack; a host without IPv6 still gets the port on IPv4.
  if (host === DEFAULT_SOCKET_HOST && (result === 'EAFNOSUPPORT' || result === 'EADDRNOTAVAIL')) {
    boundHost = '0.0.0.0';
    result = bindTcpHandle(boundHost, port);
  }
  if (typeof result !== 'string') return { handle: result, host: boundHost };
  if (result === 'EADDRINUSE') throw new PortInUseError(port);
  const hint = result === 'EACCES' && port < 1024 ? ' (ports below 1024 need root or CAP_NET_BIND_SERVICE)'
    : result === 'EINVAL' && host !== DEFAULT_SOCKET_HOST ? ' (socket.host must be an IP address)'
    : '';
  throw new SocketError(`cannot bind ${host} port ${port}: ${result}${hint}`);
}

// Runs in the throwaway child: listen(2) on fds 3.. with the backlogs in argv, then exit before the event loop starts.
const LISTEN_ONCE = [
  "const net = require('net'), util = require('util');",
  'process.argv.slice(1).forEach((backlog, i) => {',
  '  const h = net._createServerHandle(null, null, null, 3 + i);',
  "  const err = typeof h === 'number' ? h : h.listen(Number(backlog));",
  "  if (err) { process.stderr.write(util.getSystemErrorName(err)); process.exit(1); }",
  '});',
  'process.exit(0);',
].join('\n');

function listenOnce(fds: number[], backlogs: number[]): Promise<void> {
  return new Promise((resolve, reject) => {
    // An empty environment: no NODE_OPTIONS preload of the controller's runs in it.
    const child = spawn(process.execPath, ['-e', LISTEN_ONCE, ...backlogs.map(String)], { stdio: ['ignore', 'ignore', 'pipe', ...fds], env: {} });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', (err) => reject(new SocketError(`cannot start the listen helper: ${err.message}`, { cause: err })));
    child.once('close', (code) => {
      if (code === 0) resolve();
      else reject(new SocketError(`listen(2) failed: ${stderr.trim() || `helper exited with code ${code}`}`));
    });
  });
}
