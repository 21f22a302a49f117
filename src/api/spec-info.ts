/**
 * What `berth info` shows of an app's dependsOn, envFile, cronRestart and
 * watch: plain data from its AppSpec, filled into AppInfo where the info is
 * built, rendered by the info command (text) or as is (-o json|yaml).
 */
import { nextCronTick, parseCronExpression } from '../cron/cron-expression.js';
import type { AppSpec } from '../manifest/types.js';
import type { AppSpecInfo } from './api-types.js';

/**
 * @example
 * appSpecInfo(spec, Date.now())
 * // → { dependsOn: [{ name: 'db', condition: 'Ready' }], envFile: ['/srv/web/.env'], cronRestart: '0 3 * * *',
 * //     nextCronRestart: 1768532400000, watch: { paths: ['/srv/web'], ignore: [], debounceMs: 500 } }
 */
export function appSpecInfo(spec: Pick<AppSpec, 'dependsOn' | 'envFile' | 'cronRestart' | 'watch'>, now: number): AppSpecInfo {
  let nextCronRestart: number | null = null;
  if (spec.cronRestart !== undefined) {
    try {
      nextCronRestart = nextCronTick(parseCronExpression(spec.cronRestart), now) ?? null;
    } catch {
      // A spec stored by an older berth may hold what this one refuses: show the text, no next tick.
    }
  }
  return {
    dependsOn: spec.dependsOn ?? [],
    envFile: spec.envFile ?? [],
    cronRestart: spec.cronRestart ?? null,
    nextCronRestart,
    watch: spec.watch ?? null,
  };
}
