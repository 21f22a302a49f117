/**
 * Per-instance log files: where they are, size rotation, and reading them
 * back for `berth logs`.
 *
 * Rotation is copytruncate (as logrotate calls it): the app owns its file
 * descriptor, opened O_APPEND at spawn, and berth cannot make it reopen a
 * renamed file. So the file is copied to file.1 (older copies shifted up to
 * file.N) and then truncated in place; O_APPEND makes the app's next write
 * land at the new end instead of leaving a hole. Lines written between the
 * copy and the truncate are lost: the price of not piping logs through the
 * controller.
 */
import { copyFile, open, rename, truncate } from 'node:fs/promises';
import { readdirSync, statSync } from 'node:fs';
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

/**
 * Rotates `file` when it is larger than maxSizeBytes: file.N-1 → file.N, …,
 * file → file.1 (copy then truncate). Keeps maxFiles rotated copies. Returns
 * true when it rotated. maxFiles 0 just truncates.
 *
 * @example await rotateLogIfNeeded('/srv/berth/logs/web-0.out.log', { maxSizeBytes: 10_485_760, maxFiles: 5 });
 */
export async function rotateLogIfNeeded(file: string, { maxSizeBytes, maxFiles }: { maxSizeBytes: number; maxFiles: number }): Promise<boolean> {
  let size: number;
  try {
    // statSync: this runs for every log file on every sweep tick and the async round trip costs more than the stat.
    size = statSync(file).size;
  } catch {
    return false;
  }
  if (size <= maxSizeBytes) return false;
  if (maxFiles > 0) {
    // Copy first, shift after: rename replaces its target atomically (the oldest copy drops off), so every
    // numbered file exists at all times but for the instant between the last two renames.
    const fresh = `${file}.rotating`;
    await copyFile(file, fresh);
    await truncate(file, 0);
    for (let n = maxFiles - 1; n >= 1; n--) {
      await rename(`${file}.${n}`, `${file}.${n + 1}`).catch(ignoreMissing);
    }
    await rename(fresh, `${file}.1`);
    return true;
  }
  await truncate(file, 0);
  return true;
}

function ignoreMissing(err: NodeJS.ErrnoException): void {
  if (err.code !== 'ENOENT') throw err;
}

export interface LogLine {
  app: string;
  index: number;
  stream: 'out' | 'err';
  line: string;
  /** The file is spec.logs', written by every instance (the index is then the first one's). */
  shared?: boolean;
}

/** One log file: whose it is and where. */
export interface LogFile {
  app: string;
  index: number;
  stream: 'out' | 'err';
  file: string;
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
        statSync(file);
        files.push({ app, index: i, stream, file, shared: logs?.[stream] !== undefined });
      } catch {
        // never written
      }
    }
  }
  return files;
}

/**
 * The last `lines` lines of each log file of the target (out then err, per
 * instance). When the live file holds fewer lines, the newest rotated copy
 * (file.1) fills in.
 *
 * @example for (const l of await readLogTail({ app: 'web', index: 'all', logDir }, 15)) console.log(l.index, l.line);
 */
export async function readLogTail(target: LogTarget, lines: number): Promise<LogLine[]> {
  return readLogFilesTail(listLogFiles(target), lines);
}

/** readLogTail over any list of files (several apps: `berth logs`). */
export async function readLogFilesTail(files: LogFile[], lines: number): Promise<LogLine[]> {
  const result: LogLine[] = [];
  for (const { app, index, stream, file, shared } of files) {
    let tail = await tailFile(file, lines);
    if (tail.length < lines) tail = [...(await tailFile(`${file}.1`, lines - tail.length)), ...tail];
    for (const line of tail) result.push({ app, index, stream, line, ...(shared ? { shared } : {}) });
  }
  return result;
}

/** Last `count` complete-or-final lines of a file, reading backwards in chunks. */
export async function tailFile(file: string, count: number): Promise<string[]> {
  if (count <= 0) return [];
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return [];
  }
  try {
    const { size } = await handle.stat();
    const chunk = 64 * 1024;
    let position = size;
    let text = '';
    while (position > 0) {
      const length = Math.min(chunk, position);
      position -= length;
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, position);
      text = buffer.toString('utf8') + text;
      // count + 1 newlines guarantees `count` whole lines (the last may lack its newline).
      if (countNewlines(text) > count) break;
    }
    const all = text.split('\n');
    if (all.at(-1) === '') all.pop();
    return all.slice(-count);
  } finally {
    await handle.close();
  }
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

export interface FollowOptions {
  pollMs?: number;
  onError?: (err: unknown) => void;
}

/**
 * Follows the target's log files from their current end, calling `onLine`
 * for each new line, like `tail -F`. Polls (fs.watch misses truncation on
 * some filesystems); a file that shrank was rotated, so reading restarts at 0.
 * Files created later (a new instance) are picked up. Returns the stop function.
 *
 * @example const stop = followLogs({ app: 'web', index: 'all', logDir }, (l) => console.log(l.line)); // later: stop()
 */
export function followLogs(target: LogTarget | (() => LogFile[]), onLine: (line: LogLine) => void, { pollMs = 250, onError = () => {} }: FollowOptions = {}): () => void {
  // A function lists the files afresh on every poll (every app: new apps' files are picked up).
  const list = typeof target === 'function' ? target : () => listLogFiles(target);
  const offsets = new Map<string, { offset: number; partial: string }>();
  for (const { file } of list()) offsets.set(file, { offset: safeSize(file), partial: '' });
  let stopped = false;
  let busy = false;
  const poll = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      for (const { app, index, stream, file, shared } of list()) {
        let state = offsets.get(file);
        if (!state) offsets.set(file, (state = { offset: 0, partial: '' }));
        const size = safeSize(file);
        if (size < state.offset) state.offset = 0;
        if (size === state.offset) continue;
        const handle = await open(file, 'r');
        try {
          const buffer = Buffer.alloc(size - state.offset);
          const { bytesRead } = await handle.read(buffer, 0, buffer.length, state.offset);
          state.offset += bytesRead;
          const parts = (state.partial + buffer.subarray(0, bytesRead).toString('utf8')).split('\n');
          state.partial = parts.pop() ?? '';
          for (const line of parts) if (!stopped) onLine({ app, index, stream, line, ...(shared ? { shared } : {}) });
        } finally {
          await handle.close();
        }
      }
    } catch (err) {
      onError(err);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => void poll(), pollMs);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

function safeSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
