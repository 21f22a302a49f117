/**
 * Calls back at every tick of a cron expression: the adapter between the
 * pure tick arithmetic (cron-expression.ts) and timers. Time is injected
 * (`timers`), so tests drive it with a fake clock.
 *
 * - A timer never waits more than a minute: a wall clock that was set, or a
 *   host that slept, is noticed within a minute instead of at the far tick.
 * - A tick that passed while the host slept fires once on wake (as croner,
 *   and so PM2, do), never once per missed tick.
 * - When onTick returns a promise, ticks that come while it is pending are
 *   skipped (a rolling restart slower than the schedule never piles up).
 */
import { nextCronTick, type CronExpression } from './cron-expression.js';

export interface CronTimers {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Real time; timers are unref()'d so a schedule never keeps the process alive. */
export const realCronTimers: CronTimers = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** The longest a timer waits before the schedule is looked at again. */
export const MAX_TIMER_MS = 60_000;

export interface CronSchedule {
  /** The tick the schedule waits for (ms since the epoch), or undefined once stopped or when none is left. */
  nextTickAt(): number | undefined;
  stop(): void;
}

export interface ScheduleCronOptions {
  expression: CronExpression;
  /** `at` is the tick's own time (not when the timer fired). */
  onTick: (at: number) => void | Promise<void>;
  /** A tick skipped because the previous onTick was still running. */
  onSkip?: (at: number) => void;
  /** An onTick that threw or rejected; the schedule goes on. */
  onError?: (err: unknown, at: number) => void;
  timers?: CronTimers;
}

/**
 * @example
 * const schedule = scheduleCron({ expression: parseCronExpression('0 3 * * *'), onTick: () => rollingRestart('web') });
 * // later, when the app is deleted or its cronRestart changes:
 * schedule.stop();
 */
export function scheduleCron({ expression, onTick, onSkip, onError, timers = realCronTimers }: ScheduleCronOptions): CronSchedule {
  let next = nextCronTick(expression, timers.now());
  let timer: unknown;
  let stopped = false;
  let busy = false;

  const fire = (at: number) => {
    if (busy) {
      onSkip?.(at);
      return;
    }
    let result: void | Promise<void>;
    try {
      result = onTick(at);
    } catch (err) {
      onError?.(err, at);
      return;
    }
    if (result && typeof result.then === 'function') {
      busy = true;
      result.then(
        () => (busy = false),
        (err: unknown) => {
          busy = false;
          onError?.(err, at);
        },
      );
    }
  };

  const arm = () => {
    if (stopped || next === undefined) return;
    const wait = Math.min(Math.max(next - timers.now(), 0), MAX_TIMER_MS);
    timer = timers.setTimeout(wake, wait);
  };

  function wake(): void {
    timer = undefined;
    if (stopped || next === undefined) return;
    const now = timers.now();
    if (now >= next) {
      const at = next;
      // From now, not from `at`: ticks missed while the host slept collapse into this one.
      next = nextCronTick(expression, Math.max(now, at));
      fire(at);
    }
    arm();
  }

  arm();
  return {
    nextTickAt: () => (stopped ? undefined : next),
    stop: () => {
      stopped = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
    },
  };
}
