/**
 * The plain data the ports layer passes around: protocols, ranges, rows as
 * the store keeps them, and what one instance ends up with.
 */

export type { Allocation, OwnerKind, Protocol } from '../store/port-allocations-table.js';
import type { Protocol } from '../store/port-allocations-table.js';
export const PROTOCOLS: readonly Protocol[] = ['tcp', 'udp'];

/** Inclusive on both ends, like the "start-end" users write. */
export interface PortRange {
  start: number;
  end: number;
}

/** What one instance got: its `port` (if the app has one) and its demand blocks. */
export interface InstancePorts {
  port?: number;
  tcp: number[];
  udp: number[];
}

/** An instance with no port and no demand. */
export function noPorts(): InstancePorts {
  return { tcp: [], udp: [] };
}

/**
 * The port an instance is known by: PORT in its environment, the default
 * readiness check, the Port column. Its `port`, else the first TCP port of its block.
 *
 * @example primaryPort({ tcp: [20000, 20001], udp: [] }) === 20000
 */
export function primaryPort(ports: InstancePorts): number | undefined {
  return ports.port ?? ports.tcp[0];
}

/** @example samePorts({ port: 3000, tcp: [], udp: [] }, { port: 3000, tcp: [], udp: [] }) === true */
export function samePorts(a: InstancePorts, b: InstancePorts): boolean {
  return a.port === b.port && a.tcp.join(',') === b.tcp.join(',') && a.udp.join(',') === b.udp.join(',');
}
