/**
 * Where an instance's log files are: the default `<logDir>/<app>-<index>.{out,err}.log`
 * or the app's spec.logs, and which of them exist (for `berth logs`).
 */
import { lstatSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { LogSpec } from '../manifest/types.js';

export interface LogPaths {
  out: string;
  err: string;
}

/**
 * Default `<logDir>/<app>-<index>.out.log` and `.err.log`; spec.logs.out/err
 * override them (an override is shared by every instance of the app, as PM2's
 * merge_logs: appends from several processes interleave line by line).
 *
 * @example resolveLogPaths({ app: 'web', index: 0, logDir: '/srv/berth/logs' }).out // '/srv/berth/logs/web-0.out.log'
 */
export function resolveLogPaths({ app, index, logDir, logs }: { app: string; index: number; logDir: string; logs?: Partial<LogSpec> }): LogPaths {
  return {
    out: logs?.out ?? path.join(logDir, `${app}-${index}.out.log`),
    err: logs?.err ?? path.join(logDir, `${app}-${index}.err.log`),
  };
}

/** One log file: whose it is and where. */
export interface LogFile {
  app: string;
  index: number;
  stream: 'out' | 'err';
  file: string;
  /** The file is spec.logs', written by every instance (the index is then the first one's). */
  shared: boolean;
}

export interface LogTarget {
  app: string;
  /** One instance, or every instance that has log files in logDir. */
  index: number | 'all';
  logDir: string;
  /** The app's spec.logs, when it overrides the paths. */
  logs?: Partial<LogSpec>;
}

/** The log files a LogTarget names, existing files only. */
export function listLogFiles({ app, index, logDir, logs }: LogTarget): LogFile[] {
  let indices: number[];
  if (index !== 'all') indices = [index];
  else {
    const pattern = new RegExp(`^${app.replace(/[^a-z0-9-]/g, '')}-(\\d+)\\.(out|err)\\.log$`);
    const found = new Set<number>();
    try {
      for (const name of readdirSync(logDir)) {
        const match = pattern.exec(name);
        if (match) found.add(Number(match[1]));
      }
    } catch {
      // no log dir yet
    }
    indices = [...found].sort((a, b) => a - b);
    if (indices.length === 0 && (logs?.out || logs?.err)) indices = [0];
  }
  const files: LogFile[] = [];
  const seen = new Set<string>();
  for (const i of indices) {
    const paths = resolveLogPaths({ app, index: i, logDir, logs });
    for (const stream of ['out', 'err'] as const) {
      const file = paths[stream];
      if (seen.has(file)) continue;
      seen.add(file);
      try {
        // Regular files only: a symlink or FIFO at a log path is never berth's (and a FIFO would block the reader).
        if (lstatSync(file).isFile()) files.push({ app, index: i, stream, file, shared: logs?.[stream] !== undefined });
      } catch {
        // never written
      }
    }
  }
  return files;
}
