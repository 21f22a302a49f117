/**
 * PMDaemon's health_check → a berth readiness probe. PMDaemon writes
 *   {check_type: "http", url: "http://localhost:3000/health", timeout: 5, interval: 30, retries: 3}
 *   {check_type: "script", script: "./check.sh"}
 * with timeout and interval in seconds (its Rust structs also serialise as
 * {check_type: {type, url|path}} with {secs, nanos} durations; both read).
 * berth probes the app on this host, so only the URL's path and port are
 * kept; a port inside the app's port spec is left out, so each instance
 * probes its own port rather than all of them probing the first.
 */
import type { Probe } from '../generated/app.js';
import type { PortSpec } from '../../ports/port-spec.js';
import { portSpecCovers } from './convert-port.js';
import { describeValue, type FieldPath, type FieldReporter } from './field-reporter.js';
import { toDuration } from './field-values.js';

const KNOWN_KEYS = new Set(['check_type', 'type', 'url', 'script', 'path', 'timeout', 'interval', 'retries', 'enabled']);
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0', '[::]']);

/** PMDaemon's seconds (a number, "5", or {secs, nanos}) or a duration string ("5s"). */
function toProbeDuration(value: unknown): number | string {
  const seconds = typeof value === 'string' && /^\s*[0-9]+(\.[0-9]+)?\s*$/.test(value) ? Number(value) : value;
  if (typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0) return toDuration(`${seconds}s`);
  if (value && typeof value === 'object' && 'secs' in value) {
    const { secs, nanos } = value as { secs: unknown; nanos?: unknown };
    return toDuration(Number(secs) * 1000 + Number(nanos ?? 0) / 1e6);
  }
  return toDuration(value);
}

function httpProbe(report: FieldReporter, urlKey: FieldPath, url: unknown, port: PortSpec | undefined): Probe {
  if (typeof url !== 'string') return report.fail(urlKey, `must be the URL to check, e.g. "http://localhost:3000/health", got ${describeValue(url)}`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return report.fail(urlKey, `invalid URL ${describeValue(url)}`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return report.fail(urlKey, `must be an http:// URL, got ${describeValue(url)}`);
  if (!LOCAL_HOSTS.has(parsed.hostname)) {
    report.warn(urlKey, `berth probes the app on this host; checking 127.0.0.1 rather than ${parsed.hostname}`);
  }
  const host = parsed.hostname === '[::1]' ? '::1' : '127.0.0.1';
  const urlPort = parsed.port ? Number(parsed.port) : parsed.protocol === 'https:' ? 443 : 80;
  const ownPort = port !== undefined && portSpecCovers(port, urlPort);
  if (parsed.protocol === 'https:') {
    report.warn(urlKey, "berth's http probe speaks plain HTTP; checking that the port accepts connections instead");
    return { tcp: { ...(ownPort ? {} : { port: urlPort }), host } };
  }
  return { http: { path: `${parsed.pathname}${parsed.search}`, ...(ownPort ? {} : { port: urlPort }), host } };
}

/**
 * Undefined when the check is disabled (with a warning).
 *
 * @example convertHealthCheck(report, {check_type: 'http', url: 'http://localhost:9000/health', timeout: 5}, undefined)
 * // → {http: {path: '/health', port: 9000, host: '127.0.0.1'}, timeout: '5s'}
 */
export function convertHealthCheck(report: FieldReporter, value: unknown, port: PortSpec | undefined): Probe | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    return report.fail(undefined, `must be a map such as {check_type: http, url: "http://localhost:3000/health"}, got ${describeValue(value)}`);
  }
  const check = value as Record<string, unknown>;
  if (check.enabled === false) {
    report.warn('enabled', 'the health check is disabled; not converted');
    return undefined;
  }
  for (const key of Object.keys(check)) if (!KNOWN_KEYS.has(key)) report.warn(key, 'unknown health_check field; ignored');
  // {check_type: {type: "http", url}} is how PMDaemon's own structs serialise
  const tagged = check.check_type && typeof check.check_type === 'object' ? (check.check_type as Record<string, unknown>) : undefined;
  const typeKey = check.check_type !== undefined ? 'check_type' : 'type';
  const type = tagged ? tagged.type : (check.check_type ?? check.type ?? (check.url !== undefined ? 'http' : undefined));
  const field = (name: string): [FieldPath, unknown] => (tagged && tagged[name] !== undefined ? [['check_type', name], tagged[name]] : [[name], check[name]]);

  let probe: Probe;
  if (typeof type === 'string' && type.toLowerCase() === 'http') {
    const [urlKey, url] = field('url');
    probe = httpProbe(report, urlKey, url, port);
  } else if (typeof type === 'string' && type.toLowerCase() === 'script') {
    const [scriptKey, script] = check.script !== undefined ? [['script'], check.script] : field('path');
    if (typeof script !== 'string' || script.trim() === '') {
      return report.fail(scriptKey, `must be the script to run, e.g. "./check.sh", got ${describeValue(script)}`);
    }
    probe = { exec: { command: [script] } };
  } else {
    return report.fail(typeKey, `must be "http" or "script", got ${describeValue(type)}`);
  }

  for (const name of ['timeout', 'interval'] as const) {
    if (check[name] === undefined || check[name] === null) continue;
    try {
      probe[name] = toProbeDuration(check[name]);
    } catch {
      return report.fail(name, `invalid duration ${describeValue(check[name])}: expected seconds or a string such as "5s"`);
    }
  }
  if (check.retries !== undefined && check.retries !== null) {
    if (typeof check.retries !== 'number' || !Number.isInteger(check.retries) || check.retries < 0) {
      return report.fail('retries', `must be a whole number, got ${describeValue(check.retries)}`);
    }
    probe.failureThreshold = Math.max(1, check.retries);
  }
  return probe;
}
