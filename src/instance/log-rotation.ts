/**
 * Size rotation of running instances' log files, as a task on the shared
 * sweep: every `checkEveryMs` each log path of a running instance is checked
 * once (instances sharing spec.logs.out count once).
 */
import type { Sweeper } from '../process/sweep.js';
import { resolveLogPaths } from '../process/log-paths.js';
import { rotateLogIfNeeded } from '../process/rotate-log.js';
import type { InstanceConfig } from './types.js';

/** How often the sweep checks log sizes for rotation. */
export const LOG_ROTATION_CHECK_MS = 10_000;

export interface LogRotationOptions {
  sweeper: Sweeper;
  /** The configs of every instance that has a process now. */
  running: () => Iterable<InstanceConfig>;
  checkEveryMs?: number;
  now?: () => number;
}

/** Registers the rotation task; returns its removal. */
export function startLogRotation({ sweeper, running, checkEveryMs = LOG_ROTATION_CHECK_MS, now = Date.now }: LogRotationOptions): () => void {
  let lastCheck = Number.NEGATIVE_INFINITY;
  return sweeper.addTask(async () => {
    // Two stat() calls per instance per tick add up at 100 instances; log sizes move slowly.
    if (now() - lastCheck < checkEveryMs) return;
    lastCheck = now();
    const seen = new Set<string>();
    for (const config of running()) {
      const paths = resolveLogPaths({ app: config.app, index: config.index, logDir: config.logDir, logs: config.spec.logs });
      for (const file of [paths.out, paths.err]) {
        if (seen.has(file)) continue;
        seen.add(file);
        await rotateLogIfNeeded(file, { maxSizeBytes: config.spec.logs.maxSizeBytes, maxFiles: config.spec.logs.maxFiles });
      }
    }
  });
}
