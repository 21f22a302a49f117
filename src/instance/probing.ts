/**
 * Health-probe bookkeeping of one instance: which probe runs (the manifest's,
 * or the default "its own process listens on its port" check, "accepts on
 * its socket" for spec.socket apps), how many
 * attempts succeeded or failed in a row, and when the next one is due.
 */
import type { ProbeSpec } from '../manifest/types.js';
import { defaultReadinessProbe, type ProbeResult } from './probes/run-probe.js';
import type { InstanceConfig } from './types.js';

/** After this many fast default-readiness attempts (100 ms apart: 10 s), poll once a second. */
export const FAST_READINESS_ATTEMPTS = 100;
export const SLOW_READINESS_INTERVAL_MS = 1_000;
const FAST_READINESS_WINDOW_MS = 10_000;
/** Accept readiness (spec.socket) polls faster: a reload hand-over waits on it, and each poll is a few /proc reads. */
export const ACCEPT_READINESS_INTERVAL_MS = 25;

export interface Probing {
  spec: ProbeSpec;
  /** The synthesised TCP check of an instance with a port: polls fast, then slower. */
  isDefault: boolean;
  attempts: number;
  successes: number;
  failures: number;
}

export function newProbing(spec: ProbeSpec | undefined, isDefault = false): Probing | null {
  return spec ? { spec, isDefault, attempts: 0, successes: 0, failures: 0 } : null;
}

export function readinessFor(config: InstanceConfig): Probing | null {
  if (config.spec.readinessProbe) return newProbing(config.spec.readinessProbe);
  // Only the app's own `port` gates readiness: `ports:` blocks are often handed on to children or
  // used for UDP, and an app that never listens on its first one would stay `starting` for ever.
  const port = config.ports.port;
  if (port === undefined) return null;
  const probe = defaultReadinessProbe(port);
  return newProbing(config.spec.socket ? { ...probe, intervalMs: ACCEPT_READINESS_INTERVAL_MS } : probe, true);
}

export function probeDelay(p: Probing | null): number {
  if (!p) return 0;
  if (p.attempts === 0) return p.spec.initialDelayMs;
  if (p.isDefault && p.attempts * p.spec.intervalMs >= FAST_READINESS_WINDOW_MS) return SLOW_READINESS_INTERVAL_MS;
  return p.spec.intervalMs;
}

export function afterAttempt(p: Probing, result: ProbeResult): Probing {
  return result.ok
    ? { ...p, attempts: p.attempts + 1, successes: p.successes + 1, failures: 0 }
    : { ...p, attempts: p.attempts + 1, successes: 0, failures: p.failures + 1 };
}
