/**
 * Size rotation of a log file an app is writing, through the descriptor
 * berth holds for it.
 *
 * Rotation is copytruncate (as logrotate calls it): the app owns its file
 * descriptor, opened O_APPEND at spawn, and berth cannot make it reopen a
 * renamed file. So the newest `maxSize` bytes are copied to file.1 (older
 * copies shifted up to file.N) and the file is truncated in place; O_APPEND
 * makes the app's next write land at the new end instead of leaving a hole.
 * The copy is capped at `maxSize`, so the files never hold more than
 * maxSize × (maxFiles + 1) plus what the app writes between two checks.
 * Lines written between the copy and the truncate are lost: the price of not
 * piping logs through the controller. A numbered copy that is not berth's
 * own (a user's file, a symlink) is never replaced: the file is then only
 * truncated.
 */
import { ftruncate, read } from 'node:fs';
import { rename, rm, type FileHandle } from 'node:fs/promises';
import { createAppendFile, type FileIdentity } from './log-file-io.js';

const CHUNK = 1 << 20;

/** Who may be replaced, and what berth now owns: the caller's record of berth's files. */
export interface RotationSlots {
  /** True when `file` is missing or a regular file berth owns. */
  mayReplace(file: string): Promise<boolean>;
  created(file: string, identity: FileIdentity): void;
  moved(from: string, to: string): void;
}

/** What rotation needs of the descriptor berth holds: positioned reads and truncation (a FileHandle, or descriptorOf(fd)). */
export interface LogDescriptor {
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  truncate(length: number): Promise<void>;
}

/** A LogDescriptor over a plain descriptor number (the controller's own stdout, say). */
export function descriptorOf(fd: number): LogDescriptor {
  return {
    read: (buffer, offset, length, position) => new Promise((resolve, reject) => read(fd, buffer, offset, length, position, (err, bytesRead) => (err ? reject(err) : resolve({ bytesRead })))),
    truncate: (length) => new Promise((resolve, reject) => ftruncate(fd, length, (err) => (err ? reject(err) : resolve()))),
  };
}

export interface OpenLog<H extends LogDescriptor = LogDescriptor> {
  file: string;
  /** Opened O_RDWR|O_APPEND by berth; the app writes through a copy of it. */
  handle: H;
  maxSizeBytes: number;
  maxFiles: number;
}

/**
 * Rotates `log` (its current size is `size`): file → file.1 → … → file.N,
 * keeping maxFiles copies; maxFiles 0 just truncates.
 *
 * @example await rotateOpenLog({ file, handle, maxSizeBytes: 10_485_760, maxFiles: 5 }, size, slots); // 'rotated'
 */
export async function rotateOpenLog({ file, handle, maxSizeBytes, maxFiles }: OpenLog, size: number, slots: RotationSlots): Promise<'rotated' | 'truncated'> {
  const fresh = `${file}.rotating`;
  const names = [fresh, ...Array.from({ length: maxFiles }, (_, i) => `${file}.${i + 1}`)];
  if (maxFiles === 0 || !(await everyReplaceable(names, slots))) {
    await handle.truncate(0);
    return 'truncated';
  }
  await rm(fresh, { force: true }); // a leftover of a rotation the controller did not finish
  // The oldest copy goes first, so the new copy never adds a (maxFiles + 1)th one, even for a moment.
  await rm(`${file}.${maxFiles}`, { force: true });
  const copy = await createAppendFile(fresh);
  slots.created(fresh, copy.identity);
  try {
    await copyRange(handle, copy.handle, Math.max(0, size - maxSizeBytes), size);
  } finally {
    await copy.handle.close();
  }
  await handle.truncate(0);
  // Shift after the copy: rename replaces its target atomically (the oldest copy drops off).
  for (let n = maxFiles - 1; n >= 1; n--) {
    try {
      await rename(`${file}.${n}`, `${file}.${n + 1}`);
      slots.moved(`${file}.${n}`, `${file}.${n + 1}`);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  await rename(fresh, `${file}.1`);
  slots.moved(fresh, `${file}.1`);
  return 'rotated';
}

async function everyReplaceable(names: string[], slots: RotationSlots): Promise<boolean> {
  for (const name of names) if (!(await slots.mayReplace(name))) return false;
  return true;
}

/** Copies bytes [from, to) of `source` to the end of `target`. */
async function copyRange(source: LogDescriptor, target: FileHandle, from: number, to: number): Promise<void> {
  const buffer = Buffer.allocUnsafe(Math.min(CHUNK, Math.max(1, to - from)));
  for (let position = from; position < to; ) {
    const { bytesRead } = await source.read(buffer, 0, Math.min(buffer.length, to - position), position);
    if (bytesRead === 0) break; // truncated meanwhile
    await target.write(buffer, 0, bytesRead);
    position += bytesRead;
  }
}
