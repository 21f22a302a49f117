/**
 * Searching for free ports fast: probes run in parallel with a bound on how
 * many are in flight, in ascending order, and stop being launched as soon
 * as the answer is known. Pure apart from the probe function passed in.
 */
import type { PortRange } from './types.js';

export const DEFAULT_PROBE_CONCURRENCY = 256;

/**
 * The first `needed` ports of `candidates` (ascending) for which `isFree`
 * resolves true, in ascending order; fewer if the candidates run out.
 *
 * @example await findFirstFree([5000, 5001, 5002], 2, async (p) => p !== 5001) → [5000, 5002]
 */
export async function findFirstFree(
  candidates: readonly number[],
  needed: number,
  isFree: (port: number) => Promise<boolean>,
  concurrency = DEFAULT_PROBE_CONCURRENCY,
): Promise<number[]> {
  if (needed <= 0) return [];
  const results: (boolean | undefined)[] = new Array(candidates.length);
  const found: number[] = [];
  let next = 0;
  let settled = 0; // results[0..settled) are known
  let done = false;
  const advance = (): void => {
    while (!done && settled < candidates.length && results[settled] !== undefined) {
      if (results[settled]) found.push(candidates[settled]!);
      settled += 1;
      if (found.length >= needed) done = true;
    }
  };
  const worker = async (): Promise<void> => {
    while (!done && next < candidates.length) {
      const i = next++;
      results[i] = await isFree(candidates[i]!);
      advance();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, candidates.length) }, worker));
  return found;
}

/**
 * The lowest start of `size` contiguous ports inside `range` that are all not
 * `isTaken` and all `isFree`, or undefined. Probes window by window so a
 * large, mostly empty pool costs a few hundred probes, not thousands.
 *
 * @example await findFreeBlock({start: 20000, end: 20010}, 3, (p) => p === 20001, async () => true) → 20002
 */
export async function findFreeBlock(
  range: PortRange,
  size: number,
  isTaken: (port: number) => boolean,
  isFree: (port: number) => Promise<boolean>,
  concurrency = DEFAULT_PROBE_CONCURRENCY,
): Promise<number | undefined> {
  const window = Math.max(size * 2, concurrency);
  let runStart = range.start;
  for (let from = range.start; from <= range.end; from += window) {
    const to = Math.min(range.end, from + window - 1);
    const ports: number[] = [];
    for (let p = from; p <= to; p++) if (!isTaken(p)) ports.push(p);
    const free = new Set(await findFirstFree(ports, ports.length, isFree, concurrency));
    for (let p = from; p <= to; p++) {
      if (!free.has(p)) runStart = p + 1;
      else if (p - runStart + 1 >= size) return runStart;
    }
  }
  return undefined;
}
