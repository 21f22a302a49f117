/**
 * Readers for the scalar fields of an ecosystem app: each takes a field (and
 * its aliases), checks its type and converts it to what a berth/v1 manifest
 * accepts, failing with the field's position when it cannot. PM2 writes
 * durations as milliseconds or "10s", sizes as bytes or "512M"; berth's
 * schema takes the same grammar, so values are passed through in canonical
 * form rather than recomputed.
 */
import { parseByteSize, parseDuration } from '../duration.js';
import type { AppFields } from './app-fields.js';
import { describeValue } from './field-reporter.js';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A string field; numbers are not silently accepted where a path or name is meant. */
export function readString(fields: AppFields, ...keys: string[]): string | undefined {
  const taken = fields.take(...keys);
  if (!taken) return undefined;
  if (typeof taken.value !== 'string') fields.report.fail(taken.key, `must be a string, got ${describeValue(taken.value)}`);
  return taken.value;
}

/**
 * A value that is a path or a list of paths (non-empty strings), as PM2's
 * watch and ignore_watch take them.
 *
 * @example asPaths(fields, 'watch', 'src') // ['src']
 */
export function asPaths(fields: AppFields, key: string, value: unknown): string[] {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : undefined;
  if (!list || list.some((item) => typeof item !== 'string' || item === '')) {
    return fields.report.fail(key, `must be a path or a list of paths, got ${describeValue(value)}`);
  }
  return list as string[];
}

/** An integer field (a numeric string such as "16" is accepted, as PM2's CLI passes them). */
export function readInteger(fields: AppFields, key: string, min = 0): number | undefined {
  const taken = fields.take(key);
  if (!taken) return undefined;
  const value = typeof taken.value === 'string' && /^\s*-?[0-9]+\s*$/.test(taken.value) ? Number(taken.value) : taken.value;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    fields.report.fail(taken.key, `must be a whole number >= ${min}, got ${describeValue(taken.value)}`);
  }
  return value;
}

/**
 * Milliseconds as a number, or a duration string berth's schema accepts.
 *
 * @example toDuration(1000) === 1000; toDuration('1000') === 1000; toDuration(' 5s') === '5s'
 * @throws TypeError for anything else
 */
export function toDuration(value: unknown): number | string {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return Math.round(value);
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^[0-9]+$/.test(text)) return Number(text);
    parseDuration(text);
    return text;
  }
  throw new TypeError(`invalid duration ${describeValue(value)}`);
}

export function readDuration(fields: AppFields, ...keys: string[]): number | string | undefined {
  const taken = fields.take(...keys);
  if (!taken) return undefined;
  try {
    return toDuration(taken.value);
  } catch {
    return fields.report.fail(taken.key, `invalid duration ${describeValue(taken.value)}: expected milliseconds or a string such as "500ms", "10s", "5m", "1h"`);
  }
}

/**
 * Bytes as a number, or a size string in the schema's form ("512M").
 *
 * @example toByteSize('512mb') === '512M'; toByteSize('1G') === '1G'; toByteSize(1048576) === 1048576
 * @throws TypeError for anything else
 */
export function toByteSize(value: unknown): number | string {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 1) return Math.round(value);
  if (typeof value === 'string') {
    const text = value.trim();
    const bytes = /^([0-9]+)B?$/i.exec(text);
    if (bytes && Number(bytes[1]) >= 1) return Number(bytes[1]);
    const sized = /^([0-9]+(?:\.[0-9]+)?)\s*([KMG])B?$/i.exec(text);
    if (sized) {
      const canonical = `${sized[1]}${sized[2]!.toUpperCase()}`;
      if (parseByteSize(canonical) >= 1) return canonical;
    }
  }
  throw new TypeError(`invalid size ${describeValue(value)}`);
}

export function readByteSize(fields: AppFields, key: string): number | string | undefined {
  const taken = fields.take(key);
  if (!taken) return undefined;
  try {
    return toByteSize(taken.value);
  } catch {
    return fields.report.fail(taken.key, `invalid size ${describeValue(taken.value)}: expected bytes or a string such as "512K", "512M", "1G"`);
  }
}

/**
 * The env map with every value a string (numbers and booleans stringified,
 * as the process will see them anyway).
 */
export function readEnv(fields: AppFields, key: string): Record<string, string> | undefined {
  const taken = fields.take(key);
  if (!taken) return undefined;
  const { report } = fields;
  if (typeof taken.value !== 'object' || Array.isArray(taken.value)) {
    report.fail(key, `must be a map of variable names to values, got ${describeValue(taken.value)}`);
  }
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(taken.value as Record<string, unknown>)) {
    if (!ENV_NAME.test(name)) report.fail([key, name], `invalid variable name ${describeValue(name)}: use letters, digits and '_', not starting with a digit`);
    if (value === undefined || value === null) {
      report.warn([key, name], 'has no value; left out');
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') {
      env[name] = String(value);
    } else if (typeof value === 'object') {
      // PM2 hands objects to the process as JSON; keep that, but say so
      env[name] = JSON.stringify(value);
      report.warn([key, name], 'is a map or list; passed as its JSON text');
    } else {
      report.fail([key, name], `must be a string, number or boolean, got ${describeValue(value)}`);
    }
  }
  return env;
}
