/**
 * Turns a schema-valid App document into an AppSpec: defaults filled,
 * durations in ms, cwd, envFile and log paths absolute (relative to the
 * manifest's folder; watch paths relative to the cwd, as PM2's). envFile
 * contents are merged into env later, by the loader (resolve-env-files.ts):
 * this stays pure.
 */
import path from 'node:path';
import type { AppSpec, BackoffSpec, DependencySpec, ProbeSpec, SocketSpec, WatchSpec } from './types.js';
import { parseByteSize, parseDuration } from './duration.js';
import { formatPortSpec, parsePortSpec } from '../ports/port-spec.js';
import { normaliseCronText } from '../cron/cron-expression.js';
import type { AppSpecInput, Probe, SocketSpec as SocketSpecInput } from './generated/app.js';
import { DEFAULT_BACKLOG, DEFAULT_SOCKET_HOST, DEFAULT_SOCKET_NAME } from '../socket/socket-defaults.js';

export const DEFAULT_BACKOFF: BackoffSpec = { initialMs: 1_000, maxMs: 300_000, resetAfterMs: 600_000 };
export const DEFAULT_STOP_TIMEOUT_MS = 10_000;
export const DEFAULT_LOG_MAX_SIZE = 10 * 1024 * 1024;
export const DEFAULT_LOG_MAX_FILES = 5;
export const DEFAULT_WATCH_DEBOUNCE_MS = 500;

function normaliseProbe(probe: Probe | undefined): ProbeSpec | undefined {
  if (!probe) return undefined;
  const timing = {
    initialDelayMs: probe.initialDelay === undefined ? 0 : parseDuration(probe.initialDelay),
    intervalMs: probe.interval === undefined ? 5_000 : parseDuration(probe.interval),
    timeoutMs: probe.timeout === undefined ? 1_000 : parseDuration(probe.timeout),
    failureThreshold: probe.failureThreshold ?? 3,
    successThreshold: probe.successThreshold ?? 1,
  };
  if (probe.http) return { ...timing, type: 'http', path: probe.http.path ?? '/', port: probe.http.port, host: probe.http.host ?? '127.0.0.1' };
  if (probe.tcp) return { ...timing, type: 'tcp', port: probe.tcp.port, host: probe.tcp.host ?? '127.0.0.1' };
  if (probe.exec) return { ...timing, type: 'exec', command: probe.exec.command };
  return undefined;
}

function normaliseSocket(socket: SocketSpecInput | undefined): SocketSpec | undefined {
  if (!socket) return undefined;
  return {
    shared: socket.shared ?? false,
    host: socket.host ?? DEFAULT_SOCKET_HOST,
    backlog: socket.backlog ?? DEFAULT_BACKLOG,
    name: socket.name ?? DEFAULT_SOCKET_NAME,
  };
}

function normaliseDependsOn(input: AppSpecInput['dependsOn']): DependencySpec[] {
  return (input ?? []).map((entry) => (typeof entry === 'string' ? { name: entry, condition: 'Ready' } : { name: entry.name, condition: entry.condition ?? 'Ready' }));
}

function normaliseWatch(input: AppSpecInput['watch'], cwd: string): WatchSpec | undefined {
  if (input === undefined || input === false) return undefined;
  const options = input === true ? {} : input;
  return {
    paths: (options.paths ?? ['.']).map((p) => path.resolve(cwd, p)),
    ignore: options.ignore ?? [],
    debounceMs: options.debounce === undefined ? DEFAULT_WATCH_DEBOUNCE_MS : parseDuration(options.debounce),
  };
}

/** `manifestDir` is the folder of the file the document came from. */
export function normaliseAppSpec(input: AppSpecInput, manifestDir: string): AppSpec {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(input.env ?? {})) env[key] = String(value);
  const resolve = (p: string) => path.resolve(manifestDir, p);
  const cwd = input.cwd === undefined ? manifestDir : resolve(input.cwd);
  const envFiles = input.envFile === undefined ? [] : typeof input.envFile === 'string' ? [input.envFile] : input.envFile;
  return {
    script: input.script,
    args: input.args ?? [],
    cwd,
    env,
    envFile: envFiles.map(resolve),
    // Only `false` is stored: a default written out would change every existing app's spec hash and restart it.
    inheritEnv: input.inheritEnv === false ? false : undefined,
    shell: input.shell ?? false,
    instances: input.instances ?? 1,
    port: input.port === undefined ? undefined : formatPortSpec(parsePortSpec(input.port)),
    ports: { tcp: input.ports?.tcp ?? 0, udp: input.ports?.udp ?? 0 },
    socket: normaliseSocket(input.socket),
    restartPolicy: input.restartPolicy ?? 'Always',
    backoff: {
      initialMs: input.restartBackoff?.initial === undefined ? DEFAULT_BACKOFF.initialMs : parseDuration(input.restartBackoff.initial),
      maxMs: input.restartBackoff?.max === undefined ? DEFAULT_BACKOFF.maxMs : parseDuration(input.restartBackoff.max),
      resetAfterMs: input.restartBackoff?.resetAfter === undefined ? DEFAULT_BACKOFF.resetAfterMs : parseDuration(input.restartBackoff.resetAfter),
    },
    maxRestarts: input.maxRestarts,
    minUptimeMs: input.minUptime === undefined ? 1_000 : parseDuration(input.minUptime),
    restartDelayMs: input.restartDelay === undefined ? undefined : parseDuration(input.restartDelay),
    readinessProbe: normaliseProbe(input.readinessProbe),
    livenessProbe: normaliseProbe(input.livenessProbe),
    stopSignal: (input.stopSignal ?? 'SIGTERM') as NodeJS.Signals,
    stopTimeoutMs: input.stopTimeout === undefined ? DEFAULT_STOP_TIMEOUT_MS : parseDuration(input.stopTimeout),
    reloadOrder: input.reloadOrder,
    maxMemoryBytes: input.maxMemory === undefined ? undefined : parseByteSize(input.maxMemory),
    logs: {
      out: input.logs?.out === undefined ? undefined : resolve(input.logs.out),
      err: input.logs?.err === undefined ? undefined : resolve(input.logs.err),
      maxSizeBytes: input.logs?.maxSize === undefined ? DEFAULT_LOG_MAX_SIZE : parseByteSize(input.logs.maxSize),
      maxFiles: input.logs?.maxFiles ?? DEFAULT_LOG_MAX_FILES,
    },
    dependsOn: normaliseDependsOn(input.dependsOn),
    cronRestart: input.cronRestart === undefined ? undefined : normaliseCronText(input.cronRestart),
    watch: normaliseWatch(input.watch, cwd),
  };
}
