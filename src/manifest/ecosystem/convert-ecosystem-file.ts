/**
 * A whole ecosystem config (PMDaemon JSON/YAML, PM2 ecosystem.config.js)
 * → berth/v1 App manifests and the warnings the user should read. The
 * caller (`berth apply -f`) serialises the manifests and validates them as
 * it validates any manifest.
 */
import { readFile } from 'node:fs/promises';
import { ManifestError, ManifestErrorList } from '../../errors.js';
import type { AppManifest } from '../generated/app.js';
import { convertEcosystemApp } from './convert-ecosystem-app.js';
import { detectConfigFormat, type ConfigFormat } from './detect-config-format.js';
import { extractApps } from './extract-apps.js';
import { FieldReporter, type Locator } from './field-reporter.js';
import { loadJsConfig } from './load-js-config.js';
import { parseConfigText } from './parse-config-text.js';

export interface ConvertedConfig {
  manifests: AppManifest[];
  warnings: string[];
}

export interface ConvertOptions {
  /** Number of CPUs that instances: "max" means; default this machine's. */
  cpus?: number;
  /** `--env NAME`: merge each app's env_NAME over its env. */
  envName?: string;
  /** Folder relative paths resolve against; default the file's folder. */
  dir?: string;
}

/** Converts an already loaded config value (from any of the formats). */
export function convertEcosystemValue(value: unknown, file: string, format: ConfigFormat, locate?: Locator, options: ConvertOptions = {}): ConvertedConfig {
  const warnings: string[] = [];
  const report = new FieldReporter(file, [], locate, warnings);
  const manifests: AppManifest[] = [];
  const firstByName = new Map<string, string>();
  const errors: ManifestError[] = [];
  for (const [index, { app, base }] of extractApps(value, report).entries()) {
    try {
      const { manifest } = convertEcosystemApp(app as object, { file, index, base, format, locate, warnings, ...options });
      const name = manifest.metadata.name;
      const where = base.length === 0 ? 'the config' : `apps[${index}]`;
      const earlier = firstByName.get(name);
      if (earlier !== undefined) new FieldReporter(file, base, locate).fail('name', `"${name}" is already the name of ${earlier}; app names must be unique`);
      firstByName.set(name, where);
      manifests.push(manifest);
    } catch (err) {
      // one broken app does not hide the problems of the next
      if (!(err instanceof ManifestError)) throw err;
      errors.push(err);
    }
  }
  if (errors.length === 1) throw errors[0]!;
  if (errors.length > 1) throw new ManifestErrorList(errors);
  return { manifests, warnings };
}

/**
 * Converts JSON or YAML config text (e.g. read from stdin).
 *
 * @example convertEcosystemText('{"apps": [{"name": "web", "script": "node"}]}', 'apps.json').manifests[0].metadata.name === 'web'
 */
export function convertEcosystemText(text: string, file: string, options: ConvertOptions = {}): ConvertedConfig {
  const format = detectConfigFormat(file, text);
  if (format === 'berth') throw new ManifestError({ file, line: 1, col: 1 }, 'this is a berth manifest (it has apiVersion), not an ecosystem config');
  if (format === 'pm2-js') throw new ManifestError({ file, line: 1, col: 1 }, 'a JavaScript ecosystem config must be read from its file');
  const { value, locate } = parseConfigText(text, file, format);
  return convertEcosystemValue(value, file, format, locate, options);
}

/**
 * Reads and converts an ecosystem config file. Messages name `file` as given.
 *
 * @example
 * const { manifests, warnings } = await convertEcosystemFile('ecosystem.config.js');
 * // manifests[0] → {apiVersion: 'berth/v1', kind: 'App', metadata: {name: 'web'}, spec: {script: 'node', args: ['server.js'], ...}}
 * // warnings → ['ecosystem.config.js: apps[0].watch: file watching is not supported by berth; ignored']
 * @throws ManifestError (file:line:col) on a file that cannot be read, parsed or converted
 */
export async function convertEcosystemFile(file: string, options: ConvertOptions = {}): Promise<ConvertedConfig> {
  if (detectConfigFormat(file, '') === 'pm2-js') {
    const value = await loadJsConfig(file);
    return convertEcosystemValue(value, file, 'pm2-js', undefined, options);
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new ManifestError({ file, line: 1, col: 1 }, `cannot read the file: ${(err as Error).message}`);
  }
  return convertEcosystemText(text, file, options);
}
