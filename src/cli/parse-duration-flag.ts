/**
 * A duration given as a flag (`--resync 30s`): `500ms`, `10s`, `5m`, `1h`,
 * or a number of milliseconds as in manifests, and never below `minMs`: a
 * `--resync 0s` made the controller spin on a core.
 *
 * @example parseDurationFlag('30s', '--resync', 1_000) === 30_000
 */
import { UsageError } from '../errors.js';
import { parseDuration } from '../manifest/duration.js';

export function parseDurationFlag(text: string, flag: string, minMs: number): number {
  let ms: number;
  try {
    ms = /^[0-9]+$/.test(text) ? Number(text) : parseDuration(text);
  } catch {
    throw new UsageError(`${flag}: invalid duration "${text}" (expected e.g. 500ms, 30s, 5m, 1h, or milliseconds)`);
  }
  if (ms < minMs) throw new UsageError(`${flag}: ${text} is too short (at least ${minMs >= 1000 ? `${minMs / 1000}s` : `${minMs}ms`})`);
  return ms;
}
