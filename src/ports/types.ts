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
