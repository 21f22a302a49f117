/**
 * Exec probe: runs a command (no shell) in the app's cwd and env; exit 0 is
 * healthy. Killed (its group) when the timeout passes.
 */
import { spawn } from 'node:child_process';
import type { ProbeResult } from './probe-result.js';

/**
 * @example await execProbe({ command: ['pg_isready'], cwd: '/srv/db', env: process.env, timeoutMs: 1000 }) // { ok: true }
 */
export async function execProbe({ command, cwd, env, timeoutMs, signal }: { command: string[]; cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number; signal?: AbortSignal }): Promise<ProbeResult> {
  const [file, ...args] = command;
  if (!file) return { ok: false, message: 'exec probe has an empty command' };
  return new Promise<ProbeResult>((resolve) => {
    let settled = false;
    const child = spawn(file, args, { cwd, env, stdio: 'ignore', detached: true });
    const kill = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const finish = (result: ProbeResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      resolve(result);
    };
    const onAbort = () => {
      kill();
      finish({ ok: false, message: 'aborted' });
    };
    const timer = setTimeout(() => {
      kill();
      finish({ ok: false, message: `timed out after ${timeoutMs} ms` });
    }, timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    child.once('error', (err) => finish({ ok: false, message: err.message }));
    child.once('exit', (code, sig) => finish(code === 0 ? { ok: true } : { ok: false, message: sig ? `killed by ${sig}` : `exit code ${code}` }));
  });
}
