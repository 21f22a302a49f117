/**
 * Which log files `berth logs` and `berth flush` mean: the targets named
 * (NAME, NAME/INDEX), or every app. Read from the store and the log
 * directory, so neither command needs the controller.
 */
import path from 'node:path';
import type { CommandContext } from './command.js';
import type { LogSpec } from '../manifest/types.js';
import { withExistingStore } from '../store/with-existing-store.js';
import { listSelectedLogFiles, type AppLogSpec, type LogSelection } from '../process/log-sources.js';
import { NotFoundError } from '../errors.js';
import { parseTarget, type Target } from './targets.js';

export async function selectLogs(ctx: CommandContext, words: string[], instance?: number): Promise<LogSelection> {
  const logDir = path.join(ctx.home, 'logs');
  const apps: AppLogSpec[] = await withExistingStore(
    ctx.home,
    (store) => store.apps.list().filter((a) => a.kind === 'App').map((a) => ({ name: a.name, logs: (a.resource.spec as { logs?: LogSpec }).logs })),
    () => [],
  );
  if (words.length === 0) return { logDir, apps, targets: instance === undefined ? undefined : apps.map((a) => ({ app: a.name, instance })) };
  const targets: Target[] = words.map((word) => {
    const target = parseTarget(word);
    return instance !== undefined && target.instance === undefined ? { ...target, instance } : target;
  });
  const known = new Set(apps.map((a) => a.name));
  for (const { app } of targets) {
    // an app deleted since still has its files: its logs stay readable
    if (!known.has(app) && listSelectedLogFiles({ logDir, apps, targets: [{ app }] }).length === 0) throw new NotFoundError(`app "${app}"`);
  }
  return { logDir, apps, targets };
}
