/**
 * Reading log files back for `berth logs`: the last N lines (filling in from
 * the newest rotated copy) and following new lines as `tail -F` does.
 */
import { open } from 'node:fs/promises';
import { constants, statSync } from 'node:fs';
import { listLogFiles, type LogFile, type LogTarget } from './log-paths.js';

/** Never through a symlink, never waiting on a FIFO. */
const READ_FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;

export interface LogLine {
  app: string;
  index: number;
  stream: 'out' | 'err';
  line: string;
  /** The file is spec.logs', written by every instance (the index is then the first one's). */
  shared?: boolean;
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
    handle = await open(file, READ_FLAGS);
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
        const handle = await open(file, READ_FLAGS);
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
