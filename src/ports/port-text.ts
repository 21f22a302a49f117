/**
 * Ports as text, one rendering for every place that shows them: `berth list`'s
 * Port column, `berth ports`' runs, and the controller's PortsAllocated
 * condition and Allocated event.
 */
import { formatPortRange } from './port-pool.js';
import type { InstancePorts } from './types.js';

/**
 * A contiguous run of ports as "start-end", or the port alone.
 *
 * @example formatPortRun([20000, 20001, 20002]) → "20000-20002"; formatPortRun([53]) → "53"
 */
export function formatPortRun(ports: readonly number[]): string {
  return formatPortRange({ start: ports[0]!, end: ports.at(-1)! });
}

export interface InstancePortsTextOptions {
  /** Between the primary port and the blocks (default ' '). */
  separator?: string;
  /** What an instance with no ports shows (default 'none'). */
  none?: string;
}

/**
 * An instance's ports on one line: the primary port, then each demand block
 * as "start-end/proto". The primary port of an app without `port` is its
 * tcp block's first (list shows it): it is not repeated beside the block.
 *
 * @example formatInstancePorts({ port: 3000, tcp: [20000, 20001], udp: [20002] }) → "3000 20000-20001/tcp 20002/udp"
 * @example formatInstancePorts({ port: 20000, tcp: [20000, 20001], udp: [] }) → "20000-20001/tcp"
 * @example formatInstancePorts({ tcp: [], udp: [] }, { separator: ',', none: '-' }) → "-"
 */
export function formatInstancePorts(ports: InstancePorts, { separator = ' ', none = 'none' }: InstancePortsTextOptions = {}): string {
  const parts: string[] = [];
  // The port shown for an app without `port` is its block's first: show the block alone, not both.
  const portIsFromBlock = ports.port !== undefined && ports.tcp[0] === ports.port;
  if (ports.port !== undefined && !(portIsFromBlock && ports.tcp.length > 1)) parts.push(String(ports.port));
  const tcpIsThePort = ports.tcp.length === 1 && ports.tcp[0] === ports.port;
  if (ports.tcp.length > 0 && !tcpIsThePort) parts.push(`${formatPortRun(ports.tcp)}/tcp`);
  if (ports.udp.length > 0) parts.push(`${formatPortRun(ports.udp)}/udp`);
  return parts.join(separator) || none;
}
