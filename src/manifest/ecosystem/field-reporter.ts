/**
 * Where a converted field came from, for warnings ("file: apps[0].watch:
 * ...") and errors (ManifestError at file:line:col). Positions come from a
 * Locator: JSON and YAML have one from the yaml parser's LineCounter; a JS
 * config has none, so its errors point at line 1, column 1.
 */
import { ManifestError } from '../../errors.js';
import { describePath } from '../schema-validator.js';

export type FieldPath = (string | number)[];

/** Maps a path in the parsed config (e.g. ['apps', 0, 'port']) to its 1-based line and column. */
export type Locator = (path: FieldPath) => { line: number; col: number } | undefined;

export class FieldReporter {
  constructor(
    readonly file: string,
    /** Path of the object being read inside the config ([] for the whole document). */
    readonly base: FieldPath,
    private readonly locate: Locator | undefined,
    /** Shared with the caller, so warnings of several apps land in one list. */
    readonly warnings: string[] = [],
  ) {}

  /** A reporter for a part of this object, e.g. its health_check map. */
  child(field: string | number): FieldReporter {
    return new FieldReporter(this.file, this.path(field), this.locate, this.warnings);
  }

  path(field?: string | number | FieldPath): FieldPath {
    if (field === undefined) return this.base;
    return [...this.base, ...(Array.isArray(field) ? field : [field])];
  }

  /** @example reporter.warn('watch', 'file watching is not supported by berth; ignored') */
  warn(field: string | number | FieldPath | undefined, message: string): void {
    this.warnings.push(`${this.file}: ${describePath(this.path(field))}: ${message}`);
  }

  /** @example reporter.fail('port', 'must be a port number or a string such as "3000-3003"') */
  fail(field: string | number | FieldPath | undefined, message: string): never {
    const path = this.path(field);
    const position = this.locate?.(path) ?? { line: 1, col: 1 };
    throw new ManifestError({ file: this.file, ...position }, `${describePath(path)}: ${message}`);
  }
}

/** A value as an error message quotes it. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'function') return 'a function';
  return String(value);
}
