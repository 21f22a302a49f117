/**
 * The app objects of a parsed ecosystem config, each with its path in the
 * document (for positions and messages). The shapes PM2 and PMDaemon read:
 * {apps: [...]}, {apps: {...}} (one app), a list of apps, or one app.
 */
import { describeValue, type FieldPath, type FieldReporter } from './field-reporter.js';

export interface AppEntry {
  app: unknown;
  base: FieldPath;
}

const TOP_LEVEL_REASONS: Readonly<Record<string, string>> = {
  deploy: 'PM2 deployment is not supported by berth; ignored',
};
const TOP_LEVEL_SILENT = new Set(['$schema']);

/**
 * @example extractApps({apps: [{name: 'web', script: 'node'}]}, report) → [{app: {...}, base: ['apps', 0]}]
 * @throws ManifestError when there is no app to convert
 */
export function extractApps(value: unknown, report: FieldReporter): AppEntry[] {
  const expected = 'expected {"apps": [...]} or a single app with name and script';
  if (value === null || value === undefined) return report.fail(undefined, `the config is empty; ${expected}`);
  if (Array.isArray(value)) {
    if (value.length === 0) return report.fail(undefined, 'the config lists no apps');
    return value.map((app, index) => ({ app, base: [index] }));
  }
  if (typeof value !== 'object') return report.fail(undefined, `${expected}, got ${describeValue(value)}`);
  const record = value as Record<string, unknown>;
  if (!('apps' in record)) return [{ app: record, base: [] }];

  for (const key of Object.keys(record)) {
    if (key === 'apps' || TOP_LEVEL_SILENT.has(key)) continue;
    report.warn(key, TOP_LEVEL_REASONS[key] ?? 'unknown top-level field; ignored');
  }
  const { apps } = record;
  if (Array.isArray(apps)) {
    if (apps.length === 0) return report.fail('apps', 'the config lists no apps');
    return apps.map((app, index) => ({ app, base: ['apps', index] }));
  }
  if (apps !== null && typeof apps === 'object') return [{ app: apps, base: ['apps'] }];
  return report.fail('apps', `must be a list of apps, got ${describeValue(apps)}`);
}
