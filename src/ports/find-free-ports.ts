/**
 * Searching for free ports in two halves: the searches are synchronous over
 * what is known so far (so the allocator can rerun them inside its write
 * transaction, against fresh rows, without awaiting), and say which ports
 * they still need bind-tested; probeAll tests those in parallel with a bound
 * on how many are in flight.
 */
import type { PortRange } from './types.js';
import { mapWithLimit } from '../util/map-with-limit.js';

export const DEFAULT_PROBE_CONCURRENCY = 256;

/** What a bind test said about a port; undefined = not tested yet. */
export type KnownFree = (port: number) => boolean | undefined;

export type SearchResult<T> =
  | { found: T }
  /** Test these ports (ascending, none taken) and search again. */
  | { probe: number[] }
  /** The range ran out; `free` is how many usable ports it had. */
  | { exhausted: true; free: number };

/** Ports from `from` up (within `range`) that are not taken and not tested yet, at most `count`. */
function untested(range: PortRange, from: number, count: number, isTaken: (port: number) => boolean, known: KnownFree): number[] {
  const ports: number[] = [];
  for (let port = from; port <= range.end && ports.length < count; port++) {
    if (!isTaken(port) && known(port) === undefined) ports.push(port);
  }
  return ports;
}

/**
 * The first `needed` ports of `range`, ascending, that are not taken and
 * tested free. `batch` is how many untested ports to ask for at once.
 *
 * @example firstFreePorts({start: 5000, end: 5010}, 2, (p) => p === 5000, (p) => p !== 5001, 256) → {found: [5002, 5003]}
 */
export function firstFreePorts(range: PortRange, needed: number, isTaken: (port: number) => boolean, known: KnownFree, batch = DEFAULT_PROBE_CONCURRENCY): SearchResult<number[]> {
  const found: number[] = [];
  if (needed <= 0) return { found };
  for (let port = range.start; port <= range.end; port++) {
    if (isTaken(port)) continue;
    const free = known(port);
    if (free === undefined) return { probe: untested(range, port, Math.max(batch, 2 * (needed - found.length)), isTaken, known) };
    if (free) found.push(port);
    if (found.length === needed) return { found };
  }
  return { exhausted: true, free: found.length };
}

/**
 * First fit: the lowest start of `size` contiguous ports inside `range` that
 * are all not taken and tested free; the block's end stays inside the range.
 *
 * @example firstFreeBlock({start: 20000, end: 20010}, 3, (p) => p === 20001, () => true, 256) → {found: 20002}
 */
export function firstFreeBlock(range: PortRange, size: number, isTaken: (port: number) => boolean, known: KnownFree, batch = DEFAULT_PROBE_CONCURRENCY): SearchResult<number> {
  let runStart = range.start;
  for (let port = range.start; port <= range.end; port++) {
    if (isTaken(port)) { runStart = port + 1; continue; }
    const free = known(port);
    if (free === undefined) return { probe: untested(range, port, Math.max(batch, 2 * size), isTaken, known) };
    if (!free) runStart = port + 1;
    else if (port - runStart + 1 >= size) return { found: runStart };
  }
  return { exhausted: true, free: 0 };
}

/**
 * Bind-tests every port, at most `concurrency` at once; results in input order.
 *
 * @example await probeAll([5000, 5001], (p) => prober.isFree('tcp', p)) → [true, false]
 */
export async function probeAll(ports: readonly number[], isFree: (port: number) => Promise<boolean>, concurrency = DEFAULT_PROBE_CONCURRENCY): Promise<boolean[]> {
  return mapWithLimit(ports, concurrency, isFree);
}
