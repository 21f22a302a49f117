/**
 * The log files of several apps at once, for `berth logs` with no name (every
 * app, docker compose style) and `berth flush` (PM2's flush): the apps the
 * store knows, with their own spec.logs paths, plus apps found only by their
 * default files in the log directory.
 */
import { constants, readdirSync } from 'node:fs';
import { lstat, open, rm } from 'node:fs/promises';
import type { BigIntStats } from 'node:fs';
import path from 'node:path';
import { listLogFiles, type LogFile } from './log-paths.js';
import { identityOf, type FileIdentity } from './log-file-io.js';
import type { LogSpec } from '../manifest/types.js';

export interface AppLogSpec {
  name: string;
  logs?: Partial<LogSpec>;
}

export interface LogSelection {
  logDir: string;
  /** Apps the store knows (their spec.logs decide their paths). */
  apps: AppLogSpec[];
  /** Only these apps / instances; undefined: every app, including apps found only in logDir. */
  targets?: { app: string; instance?: number }[];
}

const DEFAULT_FILE = /^([a-z0-9](?:[-a-z0-9]*[a-z0-9])?)-(\d+)\.(?:out|err)\.log$/;

/** App names that have default-named log files in logDir. */
function appsInLogDir(logDir: string): string[] {
  try {
    return [...new Set(readdirSync(logDir).flatMap((name) => DEFAULT_FILE.exec(name)?.[1] ?? []))];
  } catch {
    return [];
  }
}

/**
 * @example listSelectedLogFiles({logDir, apps: [{name: 'web'}]}) → [{app: 'web', index: 0, stream: 'out', file: '.../web-0.out.log', shared: false}, ...]
 */
export function listSelectedLogFiles({ logDir, apps, targets }: LogSelection): LogFile[] {
  const specs = new Map(apps.map((a) => [a.name, a.logs]));
  const wanted: { app: string; instance?: number }[] = targets ?? [...new Set([...specs.keys(), ...appsInLogDir(logDir)])].sort().map((app) => ({ app }));
  const seen = new Set<string>();
  return wanted.flatMap(({ app, instance }) =>
    listLogFiles({ app, index: instance ?? 'all', logDir, logs: specs.get(app) }).filter((f) => !seen.has(f.file) && seen.add(f.file)),
  );
}

/** Whether berth may empty or remove the regular file found at `file` (it created it: instance/log-ownership.ts). */
export type MayFlush = (file: string, found: { identity: FileIdentity; uid: number; links: number }) => boolean;

/**
 * Empties each file berth owns (the apps keep writing to it: they hold it
 * O_APPEND) and removes its rotated copies berth owns, so `berth logs` shows
 * nothing older. A user's file, a symlink or a FIFO put in a log's place is
 * left alone. Returns the files emptied.
 */
export async function flushLogFiles(files: LogFile[], mayFlush: MayFlush): Promise<string[]> {
  const flushed: string[] = [];
  const owned = (file: string, stat: BigIntStats) => stat.isFile() && mayFlush(file, { identity: identityOf(stat), uid: Number(stat.uid), links: Number(stat.nlink) });
  for (const file of new Set(files.map((f) => f.file))) {
    let handle;
    try {
      // O_NOFOLLOW: never through a symlink; O_NONBLOCK: a FIFO cannot hang us.
      handle = await open(file, constants.O_WRONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    } catch {
      continue;
    }
    try {
      if (!owned(file, await handle.stat({ bigint: true }))) continue;
      await handle.truncate(0);
      flushed.push(file);
    } finally {
      await handle.close();
    }
    const base = path.basename(file);
    const rotated = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:[0-9]+|rotating)$`);
    for (const name of readdirSync(path.dirname(file))) {
      const copy = path.join(path.dirname(file), name);
      if (!rotated.test(name)) continue;
      const stat = await lstat(copy, { bigint: true }).catch(() => undefined);
      if (stat && owned(copy, stat)) await rm(copy, { force: true });
    }
  }
  return flushed;
}
