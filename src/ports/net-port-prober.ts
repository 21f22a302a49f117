/**
 * The real PortProber: a port is free when a fresh socket can bind it on
 * 0.0.0.0 and, where the host has IPv6, on :: too (TCP listen, UDP bind;
 * one dual-stack TCP bind when :: covers IPv4 as well).
 * Only EADDRINUSE means "taken": EACCES on a low port is about privileges,
 * not about another process, and the app itself may be allowed to bind it.
 * Anything else (EMFILE...) fails the probe rather than guess "free".
 */
import net from 'node:net';
import dgram from 'node:dgram';
import type { PortProber } from './port-prober.js';
import type { Protocol } from './types.js';

let ipv6: Promise<boolean> | undefined;

/** Whether this host can bind IPv6 sockets at all; detected once per process. */
export function hasIpv6(): Promise<boolean> {
  ipv6 ??= new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ host: '::1', port: 0, exclusive: true }, () => server.close(() => resolve(true)));
  });
  return ipv6;
}

let dualStack: Promise<boolean> | undefined;

/**
 * Whether a TCP listener on :: also claims the port for IPv4 (Linux with
 * net.ipv6.bindv6only = 0, the default): then one bind on :: tests both
 * families and probing costs half. Detected once: listen on ::, then see if
 * 0.0.0.0 on the same port is refused.
 */
export function hasDualStackTcp(): Promise<boolean> {
  dualStack ??= hasIpv6().then((v6) => !v6 ? false : new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ host: '::', port: 0, exclusive: true }, () => {
      const { port } = server.address() as net.AddressInfo;
      canListen('0.0.0.0', port).then(
        (free) => server.close(() => resolve(!free)),
        () => server.close(() => resolve(false)),
      );
    });
  }));
  return dualStack;
}

/** Errors that say nothing about another process holding the port. */
const NOT_ABOUT_OTHERS = new Set(['EACCES', 'EPERM', 'EADDRNOTAVAIL', 'EAFNOSUPPORT']);

function settle(err: NodeJS.ErrnoException, resolve: (free: boolean) => void, reject: (err: Error) => void): void {
  if (err.code === 'EADDRINUSE') resolve(false);
  else if (NOT_ABOUT_OTHERS.has(err.code ?? '')) resolve(true);
  else reject(err);
}

function canListen(host: string, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (err: NodeJS.ErrnoException) => settle(err, resolve, reject));
    // exclusive: in a cluster worker, never borrow the primary's handle for a probe.
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function canBindUdp(type: 'udp4' | 'udp6', address: string, port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const socket = dgram.createSocket({ type, ipv6Only: type === 'udp6' ? false : undefined });
    socket.once('error', (err: NodeJS.ErrnoException) => {
      try { socket.close(); } catch { /* the failed bind may have left nothing to close */ }
      settle(err, resolve, reject);
    });
    socket.bind({ address, port, exclusive: true }, () => socket.close(() => resolve(true)));
  });
}

/**
 * @example const free = await new NetPortProber().isFree('tcp', 3000)
 */
export class NetPortProber implements PortProber {
  async isFree(protocol: Protocol, port: number): Promise<boolean> {
    if (protocol === 'tcp' && (await hasDualStackTcp())) return canListen('::', port);
    const [v4, v6] = protocol === 'tcp'
      ? [() => canListen('0.0.0.0', port), () => canListen('::', port)]
      : [() => canBindUdp('udp4', '0.0.0.0', port), () => canBindUdp('udp6', '::', port)];
    // Sequential per port (a v4 failure settles it); ports are probed in parallel by the caller.
    if (!(await v4())) return false;
    return (await hasIpv6()) ? v6() : true;
  }
}
