/**
 * Checks on a schema-valid App spec that JSON Schema cannot express: the
 * port range against the instance count, the cron expression, dependsOn
 * entries. Each problem carries the path of the value at fault, so the
 * caller can name its line and column.
 */
import { checkPortSpecFits, parsePortSpec } from '../ports/port-spec.js';
import { parseCronExpression } from '../cron/cron-expression.js';
import type { AppSpecInput } from './generated/app.js';
import { describePath, type SchemaProblem } from './schema-validator.js';

function problem(path: (string | number)[], detail: string): SchemaProblem {
  return { path, message: `${describePath(path)}: ${detail}` };
}

/** @example checkAppSpec({ script: 'node', dependsOn: ['web'] }, 'web') // [{ path: ['spec', 'dependsOn', 0], message: 'spec.dependsOn[0]: an app cannot depend on itself' }] */
export function checkAppSpec(spec: AppSpecInput, name: string): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  if (spec.port !== undefined) {
    try {
      checkPortSpecFits(parsePortSpec(spec.port), spec.instances ?? 1, { shared: spec.socket?.shared });
    } catch (err) {
      problems.push(problem(['spec', 'port'], (err as Error).message));
    }
  }
  if (spec.cronRestart !== undefined) {
    try {
      parseCronExpression(spec.cronRestart);
    } catch (err) {
      problems.push(problem(['spec', 'cronRestart'], (err as Error).message));
    }
  }
  const seen = new Set<string>();
  (spec.dependsOn ?? []).forEach((entry, index) => {
    const dependency = typeof entry === 'string' ? entry : entry.name;
    const path = ['spec', 'dependsOn', index];
    if (dependency === name) problems.push(problem(path, 'an app cannot depend on itself'));
    else if (seen.has(dependency)) problems.push(problem(path, `"${dependency}" is listed twice`));
    seen.add(dependency);
  });
  return problems;
}
