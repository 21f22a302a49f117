/**
 * The rules of `spec.socket` a JSON Schema cannot say: berth listens on the
 * app's `port`, so a socket needs one, and `host` is an IP address (berth
 * binds it; it resolves no names). The port spec against the instance count
 * (a shared socket lets one port serve them all) is checked with the ports.
 */
import net from 'node:net';
import type { AppSpecInput } from './generated/app.js';

export interface SpecProblem {
  path: (string | number)[];
  message: string;
}

/**
 * @example checkSocketSpec({ script: 'node', socket: { shared: true } })
 *   → { path: ['spec', 'socket'], message: 'spec.socket: needs spec.port, the port berth binds and listens on for the instances' }
 */
export function checkSocketSpec(spec: AppSpecInput): SpecProblem | undefined {
  if (spec.socket === undefined) return undefined;
  if (spec.port === undefined) {
    return { path: ['spec', 'socket'], message: 'spec.socket: needs spec.port, the port berth binds and listens on for the instances' };
  }
  const host = spec.socket.host;
  if (host !== undefined && net.isIP(host) === 0) {
    return { path: ['spec', 'socket', 'host'], message: `spec.socket.host: must be an IP address such as "::", "0.0.0.0" or "127.0.0.1", got ${JSON.stringify(host)}` };
  }
  return undefined;
}
