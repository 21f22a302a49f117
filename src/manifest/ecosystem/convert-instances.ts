/**
 * PM2's instances: a count, or relative to the machine: "max" and 0 mean one
 * per CPU, -N means that many fewer than the CPUs (at least one). berth
 * manifests hold a fixed count, so the relative forms are resolved on the
 * machine that converts, with a warning saying so.
 */
import { MAX_INSTANCES } from '../limits.js';
import type { AppFields } from './app-fields.js';
import { describeValue } from './field-reporter.js';


/**
 * PM2's instance count on a machine with `cpus` CPUs, and a note when it was
 * relative ("max", 0, -N); undefined when the value is no count at all.
 *
 * @example instanceCount('max', 8) → {count: 8, note: '"max" means one instance per CPU; ...'}
 */
export function instanceCount(raw: unknown, cpus: number): { count: number; note?: string } | undefined {
  const value = typeof raw === 'string' && /^\s*-?[0-9]+\s*$/.test(raw) ? Number(raw) : raw;
  if (typeof value === 'string' && value.trim().toLowerCase() === 'max') return { count: cpus, note: `"max" means one instance per CPU; using ${cpus}, the CPU count of this machine` };
  if (typeof value !== 'number' || !Number.isInteger(value) || value > MAX_INSTANCES) return undefined;
  if (value === 0) return { count: cpus, note: `0 means one instance per CPU in PM2; using ${cpus}, the CPU count of this machine` };
  if (value < 0) {
    const count = Math.max(1, cpus + value);
    return { count, note: `${value} means ${-value} fewer than the CPUs in PM2; using ${count} (this machine has ${cpus})` };
  }
  return { count: value };
}

/** @example {instances: 'max'} on 8 CPUs → 8 (and a warning); {instances: 4} → 4 */
export function convertInstances(fields: AppFields, cpus: number): number | undefined {
  const taken = fields.take('instances');
  if (!taken) return undefined;
  const result = instanceCount(taken.value, cpus);
  if (!result) return fields.report.fail(taken.key, `must be a whole number up to ${MAX_INSTANCES} or "max", got ${describeValue(taken.value)}`);
  if (result.note) fields.report.warn(taken.key, result.note);
  return result.count;
}
