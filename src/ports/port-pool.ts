/**
 * The pool that `ports: {tcp, udp}` demand blocks, PortClaims and manual
 * allocations come from (NethServer's 20000-45000 by default; the
 * controller's `--port-pool A-B` changes it).
 */
import { PortSpecError } from './port-spec.js';
import type { PortRange } from './types.js';

export const DEFAULT_PORT_POOL: Readonly<PortRange> = Object.freeze({ start: 20000, end: 45000 });

/**
 * @example parsePortPool('20000-45000') → {start: 20000, end: 45000}
 */
export function parsePortPool(text: string): PortRange {
  const match = /^([0-9]+)-([0-9]+)$/.exec(text.trim());
  const start = Number(match?.[1]);
  const end = Number(match?.[2]);
  if (!match || start < 1 || end > 65535 || end < start) {
    throw new PortSpecError(`Invalid port pool "${text}": expected START-END within 1-65535, e.g. 20000-45000`);
  }
  return { start, end };
}

/** "start-end", or just the port for a range of one. @example formatPortRange({start: 5, end: 7}) → "5-7" */
export function formatPortRange({ start, end }: PortRange): string {
  return start === end ? String(start) : `${start}-${end}`;
}
