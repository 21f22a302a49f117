/**
 * The pool that `ports: {tcp, udp}` demand blocks, PortClaims and manual
 * allocations come from: 20000-32767 by default, just below the kernel's
 * default ephemeral range (32768-60999), so an outgoing connection can never
 * take a stopped app's port (the controller's `--port-pool A-B` changes it;
 * `berth up` warns when it overlaps the host's ephemeral range).
 */
import { readFileSync } from 'node:fs';
import { PortSpecError } from './port-spec.js';
import type { PortRange } from './types.js';

export const DEFAULT_PORT_POOL: Readonly<PortRange> = Object.freeze({ start: 20000, end: 32767 });

export const EPHEMERAL_RANGE_FILE = '/proc/sys/net/ipv4/ip_local_port_range';

/** The host's ephemeral port range ("32768\t60999"), or undefined where it cannot be read. */
export function readEphemeralRange(file = EPHEMERAL_RANGE_FILE): PortRange | undefined {
  try {
    const [start, end] = readFileSync(file, 'utf8').trim().split(/\s+/).map(Number);
    return Number.isInteger(start) && Number.isInteger(end) ? { start: start!, end: end! } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The warning for a pool that overlaps the ephemeral range, or undefined.
 *
 * @example poolOverlapWarning({start: 20000, end: 45000}, {start: 32768, end: 60999})
 *   → "port pool 20000-45000 overlaps the kernel's ephemeral ports 32768-60999 (...)"
 */
export function poolOverlapWarning(pool: PortRange, ephemeral: PortRange | undefined): string | undefined {
  if (!ephemeral || pool.end < ephemeral.start || pool.start > ephemeral.end) return undefined;
  return `port pool ${formatPortRange(pool)} overlaps the kernel's ephemeral ports ${formatPortRange(ephemeral)} (${EPHEMERAL_RANGE_FILE}): an outgoing connection can take a stopped app's port; choose --port-pool outside it`;
}

/**
 * @example parsePortPool('20000-32767') → {start: 20000, end: 32767}
 */
export function parsePortPool(text: string): PortRange {
  const match = /^([0-9]+)-([0-9]+)$/.exec(text.trim());
  const start = Number(match?.[1]);
  const end = Number(match?.[2]);
  if (!match || start < 1 || end > 65535 || end < start) {
    throw new PortSpecError(`Invalid port pool "${text}": expected START-END within 1-65535, e.g. 20000-32767`);
  }
  return { start, end };
}

/** "start-end", or just the port for a range of one. @example formatPortRange({start: 5, end: 7}) → "5-7" */
export function formatPortRange({ start, end }: PortRange): string {
  return start === end ? String(start) : `${start}-${end}`;
}
