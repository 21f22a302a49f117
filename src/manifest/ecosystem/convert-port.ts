/**
 * PMDaemon's port (berth's own grammar: 3000, "3000", "3000-3003",
 * "auto:5000-5100"; PM2's is a number). Checked here, with the config's
 * position, rather than later against a manifest the user never wrote.
 */
import { checkPortSpecFits, formatPortSpec, parsePortSpec, type PortSpec } from '../../ports/port-spec.js';
import type { AppFields } from './app-fields.js';
import { describeValue } from './field-reporter.js';

export interface ConvertedPort {
  /** As the manifest writes it: a number stays a number, a string is canonical. */
  value: number | string;
  spec: PortSpec;
}

/** @example {port: '3000-3003'} with 4 instances → {value: '3000-3003', spec: {type: 'range', start: 3000, end: 3003}} */
export function convertPort(fields: AppFields, instances: number): ConvertedPort | undefined {
  const taken = fields.take('port');
  if (!taken) return undefined;
  const { key, value } = taken;
  if (typeof value !== 'number' && typeof value !== 'string') {
    return fields.report.fail(key, `must be a port number or a string such as "3000-3003" or "auto:5000-5100", got ${describeValue(value)}`);
  }
  let spec: PortSpec;
  try {
    spec = parsePortSpec(value);
    checkPortSpecFits(spec, instances);
  } catch (err) {
    return fields.report.fail(key, (err as Error).message);
  }
  return { value: typeof value === 'number' ? value : formatPortSpec(spec), spec };
}

/** Whether `port` is one of the ports the spec may hand an instance. */
export function portSpecCovers(spec: PortSpec, port: number): boolean {
  return spec.type === 'single' ? spec.port === port : port >= spec.start && port <= spec.end;
}
