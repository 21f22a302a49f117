/** The -o / --output flag shared by read commands: table (default), wide, json, yaml. */
import { UsageError } from '../../errors.js';

export type OutputFormat = 'table' | 'wide' | 'json' | 'yaml';

export const outputOption = { output: { type: 'string', short: 'o' } } as const;

export function parseOutputFormat(value: unknown): OutputFormat {
  if (value === undefined) return 'table';
  if (value === 'table' || value === 'wide' || value === 'json' || value === 'yaml') return value;
  throw new UsageError(`--output must be json, yaml or wide, got "${String(value)}"`);
}

export async function renderData(data: unknown, format: 'json' | 'yaml'): Promise<string> {
  if (format === 'json') return JSON.stringify(data, null, 2);
  const { stringify } = await import('yaml');
  return stringify(data).trimEnd();
}
