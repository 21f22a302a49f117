/**
 * Where the dashboard listens: `--web [HOST:]PORT`, 127.0.0.1:9615 by default
 * (PMDaemon's port). Loopback unless asked otherwise: anyone who can reach
 * the port and holds the token can stop every app.
 */
import { isIP } from 'node:net';
import { UsageError } from '../errors.js';

export interface WebAddress {
  host: string;
  port: number;
}

export const DEFAULT_WEB_ADDRESS: WebAddress = { host: '127.0.0.1', port: 9615 };

/**
 * @example parseWebAddress('8080') // { host: '127.0.0.1', port: 8080 }
 * @example parseWebAddress('[::1]:8080') // { host: '::1', port: 8080 }
 */
export function parseWebAddress(text: string): WebAddress {
  const match = /^(?:(\[[0-9a-fA-F:.]+\]|[^:[\]]+):)?(\d{1,5})$/.exec(text.trim());
  const port = match ? Number(match[2]) : NaN;
  if (!match || port > 65_535) throw new UsageError(`--web: expected [HOST:]PORT (e.g. 9615, 127.0.0.1:9615, [::1]:9615), got "${text}"`);
  const host = match[1]?.replace(/^\[|\]$/g, '') ?? DEFAULT_WEB_ADDRESS.host;
  if (match[1]?.startsWith('[') && isIP(host) !== 6) throw new UsageError(`--web: "${match[1]}" is not an IPv6 address`);
  return { host, port };
}

/** 127.0.0.0/8, ::1 and localhost: reachable from this host only. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
}

/** The URL a browser on this host uses: a wildcard address is reached through loopback. */
export function webUrl({ host, port }: WebAddress): string {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  return `http://${isIP(reachable) === 6 ? `[${reachable}]` : reachable}:${port}/`;
}
