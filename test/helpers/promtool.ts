/** `promtool check metrics` (Debian package `prometheus`), when it is on PATH. */
import { spawnSync } from 'node:child_process';

export const PROMTOOL_MISSING = 'promtool is not on PATH (apt-get install prometheus); the exposition is still checked by the parser';

export function hasPromtool(): boolean {
  return spawnSync('promtool', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Lints an exposition: exit code and promtool's complaints (stdout and stderr). */
export function promtoolCheckMetrics(text: string): { code: number | null; output: string } {
  const result = spawnSync('promtool', ['check', 'metrics'], { input: text, encoding: 'utf8' });
  return { code: result.status, output: `${result.stdout}${result.stderr}`.trim() };
}
