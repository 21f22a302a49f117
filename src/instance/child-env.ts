/**
 * The environment an instance's process (and its exec probes) gets:
 * process.env + config.env (spec.env and the injected variables), config.env
 * winning.
 */
import type { InstanceConfig } from './types.js';

/** @example childEnv(config).PORT // '3000' */
export function childEnv(config: InstanceConfig): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  return Object.assign(env, config.env);
}
