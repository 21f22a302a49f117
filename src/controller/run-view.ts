/**
 * What an app runs, as `berth info` shows it (PM2's describe: script, args,
 * cwd, log paths, restart policy, env). Env values whose key looks secret are
 * masked here, so neither the text nor `-o json|yaml` (nor anything else that
 * reads the API) shows them; `berth env` is the explicit way to see them.
 */
import type { AppSpec } from '../manifest/types.js';
import { resolveLogPaths } from '../process/log-paths.js';

export interface RunView {
  script: string;
  args: string[];
  cwd: string;
  shell: boolean;
  restartPolicy: AppSpec['restartPolicy'];
  maxRestarts: number | null;
  minUptimeMs: number;
  stopSignal: string;
  stopTimeoutMs: number;
  /** spec.env, secrets masked; the injected variables (PORT, ...) are not in it. */
  env: Record<string, string>;
  /** Per instance; the same paths for every instance when spec.logs names them. */
  logs: { instance: number; out: string; err: string }[];
}

const SECRET_KEY = /SECRET|TOKEN|PASSWORD|KEY/i;
export const MASK = '***';

/** @example maskEnv({API_KEY: 'x', PORT: '80'}) → {API_KEY: '***', PORT: '80'} */
export function maskEnv(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).map(([key, value]) => [key, SECRET_KEY.test(key) ? MASK : value]));
}

export function runView(app: string, spec: AppSpec, { instances, logDir }: { instances: number; logDir: string }): RunView {
  return {
    script: spec.script,
    args: spec.args,
    cwd: spec.cwd,
    shell: spec.shell,
    restartPolicy: spec.restartPolicy,
    maxRestarts: spec.maxRestarts ?? null,
    minUptimeMs: spec.minUptimeMs,
    stopSignal: spec.stopSignal,
    stopTimeoutMs: spec.stopTimeoutMs,
    env: maskEnv(spec.env),
    logs: Array.from({ length: instances }, (_, index) => ({ instance: index, ...resolveLogPaths({ app, index, logDir, logs: spec.logs }) })),
  };
}
