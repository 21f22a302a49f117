/**
 * One PM2/PMDaemon app object → one berth/v1 App manifest (a plain object,
 * ready to serialise). Pure apart from the CPU count, which is an option.
 * Paths become absolute, resolved as PM2 resolves them (cwd against the
 * config's folder, logs against cwd), because the manifest is written into
 * the watched directory, far from the config it came from.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseDuration } from '../duration.js';
import type { AppManifest, AppSpecInput } from '../generated/app.js';
import { AppFields } from './app-fields.js';
import { convertCommand } from './convert-command.js';
import { convertHealthCheck } from './convert-health-check.js';
import { convertInstances } from './convert-instances.js';
import { convertPort } from './convert-port.js';
import { convertWatch } from './convert-watch.js';
import { CronSyntaxError, parseCronExpression } from '../../cron/cron-expression.js';
import type { ConfigFormat } from './detect-config-format.js';
import { describeValue, FieldReporter, type FieldPath, type Locator } from './field-reporter.js';
import { asPaths, readByteSize, readDuration, readEnv, readInteger, readString } from './field-values.js';
import { isDnsLabel, toDnsLabel } from './to-dns-label.js';
import { warnUnsupportedFields } from './unsupported-fields.js';

export interface ConvertAppContext {
  /** The config file, as messages should name it. */
  file: string;
  /** Position of the app in the config's list (0 for a single app). */
  index: number;
  /** Path of the app object inside the config; default ['apps', index]. */
  base?: FieldPath;
  /** Folder relative paths resolve against; default the config file's folder. */
  dir?: string;
  /** pm2-js configs stop with SIGINT, as PM2 does. */
  format?: ConfigFormat;
  /** For instances: "max"; default the machine's. */
  cpus?: number;
  locate?: Locator;
  /** Warnings are appended here (and returned). */
  warnings?: string[];
}

export interface ConvertedApp {
  manifest: AppManifest;
  warnings: string[];
}

function convertName(fields: AppFields): string {
  const taken = fields.take('name');
  if (!taken) return fields.report.fail(undefined, 'missing required field "name"');
  if (typeof taken.value !== 'string' && typeof taken.value !== 'number') {
    return fields.report.fail('name', `must be a string, got ${describeValue(taken.value)}`);
  }
  const name = String(taken.value);
  if (isDnsLabel(name)) return name;
  const label = toDnsLabel(name);
  if (!label) return fields.report.fail('name', `${describeValue(name)} cannot be made a berth name: use letters, digits and '-'`);
  fields.report.warn('name', `${describeValue(name)} is not a valid berth name (lower case letters, digits and '-', at most 63); using "${label}"`);
  return label;
}

function convertLogs(fields: AppFields, cwd: string): AppSpecInput['logs'] {
  const out = readString(fields, 'out_file', 'out', 'output', 'out_log');
  const err = readString(fields, 'error_file', 'error', 'err', 'err_file', 'err_log');
  if (out === undefined && err === undefined) return undefined;
  return {
    ...(out === undefined ? {} : { out: path.resolve(cwd, out) }),
    ...(err === undefined ? {} : { err: path.resolve(cwd, err) }),
  };
}

/** cron_restart (alias cron): a 5- or 6-field expression, checked now so the error names the config's line. */
function convertCron(fields: AppFields): string | undefined {
  const taken = fields.take('cron_restart', 'cron');
  if (!taken) return undefined;
  if (typeof taken.value !== 'string') return fields.report.fail(taken.key, `must be a cron expression such as "0 3 * * *", got ${describeValue(taken.value)}`);
  try {
    return parseCronExpression(taken.value).text;
  } catch (err) {
    if (err instanceof CronSyntaxError) return fields.report.fail(taken.key, err.message);
    throw err;
  }
}

/** env_file (docker compose's name; PM2 has none): one path or a list, against the config's folder. */
function convertEnvFile(fields: AppFields, dir: string): string[] | undefined {
  const taken = fields.take('env_file');
  if (!taken) return undefined;
  return asPaths(fields, taken.key, taken.value).map((file) => path.resolve(dir, file));
}

/**
 * @example
 * convertEcosystemApp({name: 'web', script: 'server.js', instances: 2, port: '3000-3001'}, {file: 'ecosystem.json', index: 0})
 * // → {manifest: {apiVersion: 'berth/v1', kind: 'App', metadata: {name: 'web'},
 * //     spec: {script: 'node', args: ['server.js'], cwd: '/abs/dir', instances: 2, port: '3000-3001'}}, warnings: []}
 * @throws ManifestError (file:line:col) for a missing name or script or a value berth cannot use
 */
export function convertEcosystemApp(app: object, ctx: ConvertAppContext): ConvertedApp {
  const warnings = ctx.warnings ?? [];
  const report = new FieldReporter(ctx.file, ctx.base ?? ['apps', ctx.index], ctx.locate, warnings);
  if (app === null || typeof app !== 'object' || Array.isArray(app)) {
    return report.fail(undefined, `an app must be a map with at least name and script, got ${describeValue(app)}`);
  }
  const fields = new AppFields(app as Record<string, unknown>, report);

  const name = convertName(fields);
  const { script, args } = convertCommand(fields);
  const dir = ctx.dir ?? path.dirname(path.resolve(ctx.file));
  const cwd = path.resolve(dir, readString(fields, 'cwd') ?? '.');
  const spec: AppSpecInput = { script };
  if (args.length > 0) spec.args = args;
  spec.cwd = cwd;

  const envFile = convertEnvFile(fields, dir);
  if (envFile && envFile.length > 0) spec.envFile = envFile.length === 1 ? envFile[0]! : envFile;
  const env = readEnv(fields, 'env');
  if (env && Object.keys(env).length > 0) spec.env = env;
  const instances = convertInstances(fields, ctx.cpus ?? availableParallelism());
  if (instances !== undefined) spec.instances = instances;
  const port = convertPort(fields, instances ?? 1);
  if (port) spec.port = port.value;

  const autorestart = fields.take('autorestart');
  if (autorestart && (autorestart.value === false || autorestart.value === 'false')) spec.restartPolicy = 'Never';
  const maxRestarts = readInteger(fields, 'max_restarts');
  if (maxRestarts !== undefined) spec.maxRestarts = maxRestarts;
  const minUptime = readDuration(fields, 'min_uptime');
  if (minUptime !== undefined) spec.minUptime = minUptime;
  // PM2's default 0 means "no delay"; as berth's restartDelay it would replace the back-off with a hot loop
  const restartDelay = readDuration(fields, 'restart_delay');
  if (restartDelay !== undefined && restartDelay !== 0) spec.restartDelay = restartDelay;
  // PM2 grows this delay up to 15 s; berth's curve doubles up to max
  const backoff = readDuration(fields, 'exp_backoff_restart_delay');
  if (backoff !== undefined && backoff !== 0) spec.restartBackoff = { initial: backoff, max: Math.max(15_000, parseDuration(backoff)) };

  const healthCheck = fields.take('health_check');
  if (healthCheck) {
    const probe = convertHealthCheck(report.child(healthCheck.key), healthCheck.value, port?.spec);
    if (probe) spec.readinessProbe = probe;
  }
  // PM2 stops apps with SIGINT, and apps written for it listen for that
  if (ctx.format === 'pm2-js') spec.stopSignal = 'SIGINT';
  const stopTimeout = readDuration(fields, 'kill_timeout');
  if (stopTimeout !== undefined) spec.stopTimeout = stopTimeout;
  const maxMemory = readByteSize(fields, 'max_memory_restart');
  if (maxMemory !== undefined) spec.maxMemory = maxMemory;
  const logs = convertLogs(fields, cwd);
  if (logs) spec.logs = logs;
  const cronRestart = convertCron(fields);
  if (cronRestart !== undefined) spec.cronRestart = cronRestart;
  const watch = convertWatch(fields);
  if (watch !== undefined) spec.watch = watch;

  const namespace = fields.take('namespace');
  if (namespace && typeof namespace.value !== 'string') report.fail('namespace', `must be a string, got ${describeValue(namespace.value)}`);

  warnUnsupportedFields(fields, instances ?? 1);
  const manifest: AppManifest = {
    apiVersion: 'berth/v1',
    kind: 'App',
    metadata: { name, ...(namespace ? { labels: { namespace: namespace.value as string } } : {}) },
    spec,
  };
  return { manifest, warnings };
}
