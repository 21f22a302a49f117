/**
 * Durations and byte sizes as manifests write them ("10s", "5m", "512M").
 * The schema already checks the shape with a pattern; these convert. A
 * library such as `ms` accepts a wider grammar ("2 days") than the schema,
 * so one regex here keeps the accepted language and the converter in step.
 */

const DURATION = /^([0-9]+(?:\.[0-9]+)?)(ms|s|m|h)$/;
const DURATION_UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** @example parseDuration('1.5s') === 1500; parseDuration(250) === 250 */
export function parseDuration(value: string | number): number {
  if (typeof value === 'number') return value;
  const match = DURATION.exec(value.trim());
  if (!match) throw new TypeError(`invalid duration "${value}" (expected e.g. 500ms, 10s, 5m, 1h)`);
  return Math.round(Number(match[1]) * DURATION_UNIT_MS[match[2] as keyof typeof DURATION_UNIT_MS]);
}

const BYTE_SIZE = /^([0-9]+(?:\.[0-9]+)?)([KMG])B?$/i;
const BYTE_UNIT = { K: 1024, M: 1024 ** 2, G: 1024 ** 3 } as const;

/** @example parseByteSize('512M') === 536870912 */
export function parseByteSize(value: string | number): number {
  if (typeof value === 'number') return value;
  const match = BYTE_SIZE.exec(value.trim());
  if (!match) throw new TypeError(`invalid size "${value}" (expected e.g. 512K, 512M, 1G)`);
  return Math.round(Number(match[1]) * BYTE_UNIT[match[2]!.toUpperCase() as keyof typeof BYTE_UNIT]);
}
