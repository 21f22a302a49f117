/**
 * PM2's instances: a count, or relative to the machine: "max" and 0 mean one
 * per CPU, -N means that many fewer than the CPUs (at least one). berth
 * manifests hold a fixed count, so the relative forms are resolved on the
 * machine that converts, with a warning saying so.
 */
import type { AppFields } from './app-fields.js';
import { describeValue } from './field-reporter.js';

const MAX_INSTANCES = 10_000;

/** @example {instances: 'max'} on 8 CPUs → 8 (and a warning); {instances: 4} → 4 */
export function convertInstances(fields: AppFields, cpus: number): number | undefined {
  const taken = fields.take('instances');
  if (!taken) return undefined;
  const { key, value: raw } = taken;
  const value = typeof raw === 'string' && /^\s*-?[0-9]+\s*$/.test(raw) ? Number(raw) : raw;
  if (typeof value === 'string' && value.trim().toLowerCase() === 'max') {
    fields.report.warn(key, `"max" means one instance per CPU; using ${cpus}, the CPU count of this machine`);
    return cpus;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value > MAX_INSTANCES) {
    return fields.report.fail(key, `must be a whole number up to ${MAX_INSTANCES} or "max", got ${describeValue(raw)}`);
  }
  if (value === 0) {
    fields.report.warn(key, `0 means one instance per CPU in PM2; using ${cpus}, the CPU count of this machine`);
    return cpus;
  }
  if (value < 0) {
    const count = Math.max(1, cpus + value);
    fields.report.warn(key, `${value} means ${-value} fewer than the CPUs in PM2; using ${count} (this machine has ${cpus})`);
    return count;
  }
  return value;
}
