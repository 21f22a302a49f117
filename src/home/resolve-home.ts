/**
 * Which home a command uses: `--home DIR`, else `$BERTH_HOME`, else
 * `~/.berth`: one state per user and host, as PM2's `~/.pm2`, whatever the
 * current folder.
 */
import { homedir } from 'node:os';
import path from 'node:path';

/** @example resolveHome({ flag: undefined, env: {}, cwd: '/srv' }) // '/root/.berth' (for root) */
export function resolveHome({ flag, env, cwd, userHome = homedir }: { flag: string | undefined; env: NodeJS.ProcessEnv; cwd: string; userHome?: () => string }): string {
  const chosen = flag ?? (env.BERTH_HOME ? env.BERTH_HOME : path.join(userHome(), '.berth'));
  return path.resolve(cwd, chosen);
}
