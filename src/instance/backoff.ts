/**
 * Restart decisions, pure: whether an exit restarts (policy), how long to
 * wait (kubelet's CrashLoopBackOff curve, or PM2's fixed restart_delay), and
 * when an app is given up on (PM2's max_restarts + min_uptime).
 */
import type { AppSpec, RestartPolicy } from '../manifest/types.js';

/**
 * Always restarts everything; OnFailure restarts unless the process exited 0
 * by itself; Never never does. An exit without a code (killed by a signal,
 * vanished while adopted, failed to spawn) counts as a failure.
 *
 * @example shouldRestart('OnFailure', { code: 0, signal: null }) // false
 */
export function shouldRestart(policy: RestartPolicy, exit: { code: number | null; signal: string | null }): boolean {
  if (policy === 'Always') return true;
  if (policy === 'Never') return false;
  return !(exit.code === 0 && exit.signal === null);
}

/** After the first restart of a row, never sooner than this, whatever the spec says (`restartDelay: 0` was a hot loop). */
export const MIN_RESTART_DELAY_MS = 100;

/**
 * Delay before restart number `crashesInRow` (1-based, since the curve was
 * last reset): the first is immediate, then initialMs doubling up to maxMs.
 * spec.restartDelayMs, when set, replaces the curve with a fixed delay.
 * Every restart but the first of a row waits at least MIN_RESTART_DELAY_MS.
 *
 * @example restartDelay(3, { backoff: { initialMs: 1000, maxMs: 300000, resetAfterMs: 600000 } }) // 2000
 */
export function restartDelay(crashesInRow: number, spec: Pick<AppSpec, 'backoff' | 'restartDelayMs'>): number {
  const wanted = spec.restartDelayMs ?? curveDelay(crashesInRow, spec.backoff);
  return crashesInRow <= 1 ? wanted : Math.max(MIN_RESTART_DELAY_MS, wanted);
}

function curveDelay(crashesInRow: number, { initialMs, maxMs }: AppSpec['backoff']): number {
  if (crashesInRow <= 1) return 0;
  // Cap the exponent: 2 ** 1100 is Infinity, and Infinity * 0 is NaN.
  return Math.min(maxMs, initialMs * 2 ** Math.min(crashesInRow - 2, 52));
}

export interface ExitAccounting {
  crashesInRow: number;
  unstableExits: number;
}

/**
 * Updates the counters for one more exit after `uptimeMs` running. Running
 * resetAfterMs resets the back-off curve; an exit before minUptimeMs is
 * "unstable" and unstable exits in a row are what maxRestarts counts.
 *
 * @example countExit({ crashesInRow: 4, unstableExits: 0 }, 700_000, spec) // { crashesInRow: 1, unstableExits: 0 }
 */
export function countExit(previous: ExitAccounting, uptimeMs: number, spec: Pick<AppSpec, 'backoff' | 'minUptimeMs'>): ExitAccounting {
  const crashesInRow = uptimeMs >= spec.backoff.resetAfterMs ? 1 : previous.crashesInRow + 1;
  const unstableExits = uptimeMs < spec.minUptimeMs ? previous.unstableExits + 1 : 0;
  return { crashesInRow, unstableExits };
}

/** PM2: maxRestarts exits in a row, each before minUptime → errored. */
export function isGivenUp(accounting: ExitAccounting, spec: Pick<AppSpec, 'maxRestarts'>): boolean {
  return spec.maxRestarts !== undefined && accounting.unstableExits > 0 && accounting.unstableExits >= spec.maxRestarts;
}
