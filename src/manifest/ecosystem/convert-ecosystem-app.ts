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
import { convertCommand, SCRIPT_KEYS } from './convert-command.js';
import { expandHome } from './expand-home.js';
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
  /** `--env NAME`: env_NAME is merged over env, as `pm2 start ecosystem.config.js --env NAME`. */
  envName?: string;
}

export interface ConvertedApp {
  manifest: AppManifest;
  warnings: string[];
}

const INTERPRETERS = /^(?:node|nodejs|python[0-9.]*|bash|sh|deno|bun|ruby|php|perl)$/;

/**
 * PM2's default name: the script's base name without its extension
 * ("./api/server.js" → "server"); for a command line that starts with an
 * interpreter, its file ("node worker.js" → "worker").
 */
function defaultName(fields: AppFields): string | undefined {
  const script = SCRIPT_KEYS.map((key) => fields.record[key]).find((v): v is string => typeof v === 'string' && v.trim() !== '');
  const words = script?.trim().split(/\s+/) ?? [];
  const word = INTERPRETERS.test(path.basename(words[0] ?? '')) && words[1] && !words[1].startsWith('-') ? words[1] : words[0];
  return word === undefined ? undefined : toDnsLabel(path.basename(word).replace(/\.[A-Za-z0-9]+$/, '')) || undefined;
}

function convertName(fields: AppFields): string {
  const taken = fields.take('name');
  if (!taken) return defaultName(fields) ?? fields.report.fail(undefined, 'missing required field "name" (and no script to name the app after)');
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

/** A path field, `~` expanded as PM2 does. */
function readPath(fields: AppFields, ...keys: string[]): string | undefined {
  const value = readString(fields, ...keys);
  return value === undefined ? undefined : expandHome(value);
}

/** env, with env_NAME merged over it for `--env NAME` (PM2: warns when the file has no env_NAME). */
function convertEnv(fields: AppFields, envName: string | undefined): Record<string, string> | undefined {
  const env = readEnv(fields, 'env');
  if (envName === undefined) return env;
  const variant = readEnv(fields, `env_${envName}`);
  if (variant === undefined) fields.report.warn(undefined, `has no env_${envName}; --env ${envName} leaves its env as it is`);
  return variant === undefined ? env : { ...env, ...variant };
}

function convertLogs(fields: AppFields, cwd: string): AppSpecInput['logs'] {
  const out = readPath(fields, 'out_file', 'out', 'output', 'out_log');
  const err = readPath(fields, 'error_file', 'error', 'err', 'err_file', 'err_log');
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
  const cwd = path.resolve(dir, readPath(fields, 'cwd') ?? '.');
  const spec: AppSpecInput = { script };
  if (args.length > 0) spec.args = args;
  spec.cwd = cwd;

  const envFile = convertEnvFile(fields, dir);
  if (envFile && envFile.length > 0) spec.envFile = envFile.length === 1 ? envFile[0]! : envFile;
  const env = convertEnv(fields, ctx.envName);
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

  warnUnsupportedFields(fields, instances ?? 1, ctx.envName);
  const manifest: AppManifest = {
    apiVersion: 'berth/v1',
    kind: 'App',
    metadata: { name, ...(namespace ? { labels: { namespace: namespace.value as string } } : {}) },
    spec,
  };
  return { manifest, warnings };
}
