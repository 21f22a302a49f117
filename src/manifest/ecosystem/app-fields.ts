/**
 * One app object of an ecosystem config while it is converted: fields are
 * taken (with their PM2 aliases) as they are mapped, so what is left at the
 * end is exactly what berth did not use and must warn about.
 */
import type { FieldReporter } from './field-reporter.js';

export interface TakenField {
  /** The key actually written in the config (one of the aliases). */
  key: string;
  value: unknown;
}

export class AppFields {
  private readonly handled = new Set<string>();

  constructor(
    readonly record: Readonly<Record<string, unknown>>,
    readonly report: FieldReporter,
  ) {}

  /**
   * The first of `keys` (a field and its aliases) that holds a value; all of
   * them count as handled. null and undefined count as absent, as in PM2.
   *
   * @example fields.take('out_file', 'out', 'output', 'out_log')
   */
  take(...keys: string[]): TakenField | undefined {
    for (const key of keys) this.handled.add(key);
    for (const key of keys) {
      const value = this.record[key];
      if (value !== undefined && value !== null) return { key, value };
    }
    return undefined;
  }

  /** Fields nobody took, in the config's order. */
  remaining(): [string, unknown][] {
    return Object.entries(this.record).filter(([key]) => !this.handled.has(key));
  }
}
