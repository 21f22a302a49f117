/**
 * Runs one attempt of a ProbeSpec against an instance: picks http, tcp or
 * exec, fills in the instance's port, and never throws (a broken probe is an
 * unhealthy result with a message).
 */
import type { ProbeSpec } from '../../manifest/types.js';
import { execProbe } from './exec-probe.js';
import { httpProbe } from './http-probe.js';
import { tcpProbe } from './tcp-probe.js';
import type { ProbeResult } from './probe-result.js';

export type { ProbeResult };

export interface ProbeTarget {
  /** The instance's primary port, used when the probe names none. */
  port?: number;
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/**
 * @example await runProbe(spec.livenessProbe!, { port: 3000, cwd, env: process.env }, abortSignal)
 */
export async function runProbe(probe: ProbeSpec, target: ProbeTarget, signal?: AbortSignal): Promise<ProbeResult> {
  try {
    switch (probe.type) {
      case 'http': {
        const port = probe.port ?? target.port;
        if (port === undefined) return { ok: false, message: 'http probe has no port and the instance has none' };
        return await httpProbe({ host: probe.host, port, path: probe.path, timeoutMs: probe.timeoutMs, signal });
      }
      case 'tcp': {
        const port = probe.port ?? target.port;
        if (port === undefined) return { ok: false, message: 'tcp probe has no port and the instance has none' };
        return await tcpProbe({ host: probe.host, port, timeoutMs: probe.timeoutMs, signal });
      }
      case 'exec':
        return await execProbe({ command: probe.command, cwd: target.cwd, env: target.env, timeoutMs: probe.timeoutMs, signal });
    }
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
}

/** The default readiness check of an instance with a port: TCP connect, fast polling. */
export function defaultReadinessProbe(port: number): ProbeSpec {
  return { type: 'tcp', host: '127.0.0.1', port, initialDelayMs: 0, intervalMs: 100, timeoutMs: 500, failureThreshold: Number.POSITIVE_INFINITY, successThreshold: 1 };
}
