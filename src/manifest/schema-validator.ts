/**
 * Validates manifests against the JSON Schemas in schemas/, compiled at build
 * time (scripts/gen-validators.mjs → generated/validators.cts, ajv's
 * standalone code: no ajv compiler at run time, no ~250 ms compile before the
 * first manifest), loaded lazily so CLI commands that never read a manifest
 * never pay for them, and turns ajv's errors into sentences a user can act on.
 */
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';

const require = createRequire(import.meta.url);

export type ManifestKind = 'App' | 'PortClaim';

export interface SchemaProblem {
  /** JSON path segments to the offending node (for positions). */
  path: (string | number)[];
  /** When the problem is an unknown key, the key itself (its position is more useful than the map's). */
  key?: string;
  message: string;
}

let validators: Record<ManifestKind, ValidateFunction> | undefined;

function getValidators(): Record<ManifestKind, ValidateFunction> {
  validators ??= require('./generated/validators.cjs') as Record<ManifestKind, ValidateFunction>;
  return validators;
}

function pathOf(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((seg) => (/^[0-9]+$/.test(seg) ? Number(seg) : seg));
}

export function describePath(path: (string | number)[]): string {
  let out = '';
  for (const seg of path) out += typeof seg === 'number' ? `[${seg}]` : !isPlainKey(seg) ? `[${describeValue(seg)}]` : out ? `.${seg}` : seg;
  return out || '(document)';
}

/**
 * A key shown as written: one line, at most 60 characters. YAML lets a whole
 * map be a key (`? {...}`), which the parser turns into its text, line breaks
 * included; such a key is shown escaped and cut, so the error stays one line.
 */
function isPlainKey(key: string): boolean {
  return key.length <= 60 && !/[\u0000-\u001f\u007f]/.test(key);
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Uint8Array) return 'binary data';
  if (value instanceof Set) return 'a set';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'function' || typeof value === 'symbol') return typeof value;
  return String(value);
}

function article(type: string | string[]): string {
  const names: Record<string, string> = { object: 'a map', array: 'a list', integer: 'an integer', string: 'a string', number: 'a number', boolean: 'true or false' };
  return (Array.isArray(type) ? type : String(type).split(',')).map((t) => names[t] ?? t).join(' or ');
}

function allowedKeys(schema: unknown): string[] {
  const props = (schema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props) : [];
}

/** Levenshtein distance, for "did you mean" on unknown fields. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = above;
    }
  }
  return row[b.length]!;
}

function suggest(key: string, candidates: string[]): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best && bestDistance <= Math.max(2, Math.floor(key.length / 3)) ? `; did you mean "${best}"?` : '';
}

function sentenceFor(err: ErrorObject): SchemaProblem {
  const path = pathOf(err.instancePath);
  const where = describePath(path);
  const schema = err.parentSchema as { description?: string; type?: string } | undefined;
  switch (err.keyword) {
    case 'additionalProperties': {
      const key = (err.params as { additionalProperty: string }).additionalProperty;
      const keys = allowedKeys(err.parentSchema);
      return {
        path: [...path, key],
        key,
        message: `${describePath([...path, key])}: unknown field ${isPlainKey(key) ? `"${key}"` : describeValue(key)}${suggest(key, keys)}`,
      };
    }
    case 'required': {
      const missing = (err.params as { missingProperty: string }).missingProperty;
      return { path, message: `${where}: missing required field "${missing}"` };
    }
    case 'type':
      return { path, message: `${where}: must be ${article((err.params as { type: string | string[] }).type)}, got ${describeValue(err.data)}` };
    case 'enum':
      return {
        path,
        message: `${where}: must be one of ${(err.params as { allowedValues: unknown[] }).allowedValues.join(', ')}, got ${describeValue(err.data)}`,
      };
    case 'const':
      return {
        path,
        message: `${where}: must be "${String((err.params as { allowedValue: unknown }).allowedValue)}", got ${describeValue(err.data)}`,
      };
    case 'oneOf':
    case 'anyOf':
      return { path, message: `${where}: invalid value ${describeValue(err.data)}: ${schema?.description ?? err.message}` };
    case 'pattern':
    case 'maxLength':
      if (path.length === 2 && path[0] === 'metadata' && path[1] === 'name') {
        return {
          path,
          message: `metadata.name: ${describeValue(err.data)} is not a valid name: use lower case letters, digits and '-', starting and ending with a letter or digit, at most 63 characters`,
        };
      }
      return { path, message: `${where}: invalid value ${describeValue(err.data)}${schema?.description ? `: ${schema.description}` : ` (${err.message})`}` };
    case 'propertyNames':
      return { path, message: `${where}: invalid key ${describeValue((err.params as { propertyName: string }).propertyName)}` };
    default:
      return { path, message: `${where}: ${err.message ?? 'invalid'}${err.data === undefined ? '' : `, got ${describeValue(err.data)}`}` };
  }
}

/**
 * Validates one document against its kind's schema; returns [] when valid.
 * Errors inside a oneOf's branches are folded into the oneOf's own sentence.
 */
export function validateAgainstSchema(kind: ManifestKind, doc: unknown): SchemaProblem[] {
  const validate = getValidators()[kind];
  if (validate(doc)) return [];
  const errors = validate.errors ?? [];
  const alternatives = new Set(errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf').map((e) => e.instancePath));
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const err of errors) {
    const insideAlternative = err.keyword !== 'oneOf' && err.keyword !== 'anyOf' && [...alternatives].some((p) => err.instancePath === p || err.instancePath.startsWith(`${p}/`));
    if (insideAlternative) continue;
    // propertyNames reports twice (the pattern and the propertyNames keyword)
    if (err.propertyName !== undefined) continue;
    const problem = sentenceFor(err);
    if (seen.has(problem.message)) continue;
    seen.add(problem.message);
    problems.push(problem);
  }
  // An unknown key usually explains a missing one ("scrpt" for "script"): report it first.
  return problems.sort((a, b) => Number(b.key !== undefined) - Number(a.key !== undefined));
}
