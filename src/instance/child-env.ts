/**
 * The environment an instance's process (and its exec probes) gets: the
 * controller's environment (all of it, as PM2 does; with
 * `spec.inheritEnv: false` only PATH, HOME, LANG and USER), then config.env
 * (spec.env and the injected variables) over it.
 */
import type { InstanceConfig } from './types.js';

/** What `inheritEnv: false` still takes from the controller: what a program needs to run at all. */
export const ALWAYS_INHERITED = ['PATH', 'HOME', 'LANG', 'USER'] as const;

/** @example childEnv(config).PORT // '3000' */
export function childEnv(config: InstanceConfig, controllerEnv: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const keys = config.spec.inheritEnv === false ? ALWAYS_INHERITED : Object.keys(controllerEnv);
  const env: Record<string, string> = {};
  for (const key of keys) {
    const value = controllerEnv[key];
    if (value !== undefined) env[key] = value;
  }
  return Object.assign(env, config.env);
}
