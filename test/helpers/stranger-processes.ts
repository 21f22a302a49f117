/**
 * Processes berth must never touch, and processes that look like berth's,
 * for ownership tests: each is started detached (its own group, as a shell
 * job is) with the environment given, and killed when the test ends
 * whatever happens.
 */
import { spawn } from 'node:child_process';
import { readStartTime } from '../../src/process/proc-stat.js';

export interface Started {
  pid: number;
  startTime: string;
  /** True while this very process runs (not a zombie, same start time). */
  alive(): boolean;
}

/** `sleep` in its own process group and session (setsid), with `env` over the test's environment. */
export async function startDetached(t: { after: (fn: () => void) => void }, env: Record<string, string>, args: string[] = ['1000']): Promise<Started> {
  const child = spawn('sleep', args, { detached: true, stdio: 'ignore', env: { ...process.env, ...env } });
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', resolve);
    child.once('error', reject);
  });
  child.unref();
  const pid = child.pid!;
  t.after(() => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // gone
    }
  });
  const startTime = readStartTime(pid)!;
  return { pid, startTime, alive: () => readStartTime(pid) === startTime };
}
