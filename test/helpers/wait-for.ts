/**
 * Waits on a condition instead of a fixed sleep: polls `predicate` until it
 * holds and fails, naming what it waited for, after timeoutMs.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface WaitForOptions {
  /** Default 5 s; generous, since it only costs time when the test fails. */
  timeoutMs?: number;
  pollMs?: number;
  /** Named in the failure: "timed out after 5000 ms waiting for <what>". */
  what?: string;
}

/** @example await waitFor(() => existsSync(pidFile), { what: 'the pid file' }); */
export async function waitFor(predicate: () => boolean | Promise<boolean>, { timeoutMs = 5_000, pollMs = 20, what = 'a condition' }: WaitForOptions = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(pollMs);
  }
}
