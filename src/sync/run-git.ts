/**
 * Runs the real git CLI: execFile, never a shell, so a repository URL or a
 * path is one argument and cannot inject commands. Git never prompts (a sync
 * loop has no terminal) and speaks C locale, so its messages are stable.
 */
import { execFile } from 'node:child_process';
import { BerthError } from '../errors.js';

export interface RunGitOptions {
  cwd?: string;
  signal?: AbortSignal;
  /** Kill git after this long (a hung network fetch must not stall the loop). */
  timeoutMs?: number;
}

const MAX_BUFFER = 64 * 1024 * 1024;

/**
 * Stdout is a Buffer: file contents pass through byte for byte.
 *
 * @example const head = (await runGit(['rev-parse', 'HEAD'], { cwd: repo })).toString().trim();
 * @throws BerthError SYNC_FAILED with git's first stderr line.
 */
export function runGit(args: string[], { cwd, signal, timeoutMs = 120_000 }: RunGitOptions = {}): Promise<Buffer> {
  const env = { ...process.env, GIT_TERMINAL_PROMPT: '0', GCM_INTERACTIVE: 'never', LC_ALL: 'C', LANG: 'C' };
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd, env, signal, timeout: timeoutMs, maxBuffer: MAX_BUFFER, encoding: 'buffer', windowsHide: true }, (err, stdout, stderr) => {
      if (!err) return resolve(stdout);
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return reject(new BerthError('SYNC_FAILED', 'git is not installed (berth sync runs the git CLI)', { cause: err }));
      if (err.name === 'AbortError') return reject(err);
      const lines = stderr.toString().split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('hint:'));
      const reason = lines.find((l) => /^(fatal|error):/.test(l)) ?? lines[0] ?? (err.killed ? `timed out after ${timeoutMs} ms` : err.message);
      reject(new BerthError('SYNC_FAILED', `git ${args[0]}: ${reason.replace(/^(fatal|error):\s*/, '')}`, { cause: err }));
    });
  });
}

/** @example await gitText(['rev-parse', 'HEAD'], { cwd }) === '3f2a…' */
export async function gitText(args: string[], options: RunGitOptions = {}): Promise<string> {
  return (await runGit(args, options)).toString('utf8').trim();
}
