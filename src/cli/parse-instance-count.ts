/**
 * An instance count given on the command line (`scale --instances`,
 * `start --instances`): decimal digits only. `Number()` would read "" and
 * " " as 0 (an unset `$REPLICAS` stopping every instance), "0x10" as 16
 * and "1e3" as 1000.
 *
 * @example parseInstanceCount('4', '--instances') === 4
 */
import { UsageError } from '../errors.js';
import { MAX_INSTANCES } from '../manifest/limits.js';

export function parseInstanceCount(text: string, flag: string): number {
  const count = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(count) || count > MAX_INSTANCES) throw new UsageError(`${flag} must be a whole number from 0 to ${MAX_INSTANCES}, got "${text}"`);
  return count;
}
