/**
 * A cumulative histogram, as Prometheus histograms count: per upper bound,
 * how many observations were at most that value, plus their sum and count.
 * Observing is a loop over a dozen bounds, cheap enough for every reconcile.
 */
import type { HistogramSample } from './exposition.js';

/** Seconds: a reconcile of one app takes milliseconds when nothing changes, seconds when it waits for a start. */
export const RECONCILE_BUCKETS_SECONDS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] as const;

/**
 * @example
 * const h = new Histogram([0.1, 1]);
 * h.observe(0.3);
 * h.sample() // { buckets: [{ le: 0.1, count: 0 }, { le: 1, count: 1 }], sum: 0.3, count: 1 }
 */
export class Histogram {
  private readonly bounds: readonly number[];
  private readonly counts: number[];
  private sum = 0;
  private count = 0;

  constructor(bounds: readonly number[]) {
    for (let i = 1; i < bounds.length; i++) {
      if (!(bounds[i]! > bounds[i - 1]!)) throw new RangeError(`histogram bounds must increase, got ${bounds.join(', ')}`);
    }
    this.bounds = bounds;
    this.counts = bounds.map(() => 0);
  }

  observe(value: number): void {
    if (!Number.isFinite(value)) return;
    this.sum += value;
    this.count++;
    for (let i = 0; i < this.bounds.length; i++) if (value <= this.bounds[i]!) this.counts[i]!++;
  }

  sample(): HistogramSample {
    return { buckets: this.bounds.map((le, i) => ({ le, count: this.counts[i]! })), sum: this.sum, count: this.count };
  }
}
