/**
 * Opening log files without trusting the path: never through a symlink
 * (O_NOFOLLOW), never blocking on a FIFO (O_NONBLOCK: a writer's open of a
 * FIFO without a reader fails at once instead of waiting), only regular
 * files (fstat after the open), and a new file only where nothing was
 * (O_EXCL). All asynchronous: an open that hangs (a dead NFS mount) ties up
 * a libuv worker, never the controller's event loop.
 */
import { constants, readSync } from 'node:fs';
import { lstat, mkdir, open, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { FileIdentity } from '../store/log-files-table.js';

export type { FileIdentity };

const { O_RDWR, O_APPEND, O_CREAT, O_EXCL, O_NOFOLLOW, O_NONBLOCK, O_RDONLY } = constants;
/** Read and write (rotation copies from the same descriptor), appends only. */
const APPEND = O_RDWR | O_APPEND | O_NOFOLLOW | O_NONBLOCK;

export function identityOf(stat: { dev: bigint | number; ino: bigint | number }): FileIdentity {
  return { dev: String(stat.dev), ino: String(stat.ino) };
}

export function sameIdentity(a: FileIdentity | undefined, b: FileIdentity | undefined): boolean {
  return a !== undefined && b !== undefined && a.dev === b.dev && a.ino === b.ino;
}

/** An existing file as it was found: opened when it is a regular file. */
export type FoundFile =
  | { kind: 'missing' }
  /** A symlink, FIFO, device, socket or directory: never opened for writing. */
  | { kind: 'not-regular'; type: string }
  | { kind: 'regular'; handle: FileHandle; identity: FileIdentity; uid: number; links: number; size: number };

/**
 * Creates `file` where nothing is (a file, a symlink or a FIFO in the way
 * makes it fail with EEXIST), for appending, with `mode`. Missing parent
 * folders are created 0700.
 *
 * @example const { handle, identity } = await createAppendFile('/srv/berth/logs/web-0.out.log');
 */
export async function createAppendFile(file: string, mode = 0o640): Promise<{ handle: FileHandle; identity: FileIdentity }> {
  let handle: FileHandle;
  try {
    handle = await open(file, APPEND | O_CREAT | O_EXCL, mode);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    // the folder first (only when missing: one step less in libuv's pool per file)
    await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    handle = await open(file, APPEND | O_CREAT | O_EXCL, mode);
  }
  try {
    return { handle, identity: identityOf(await handle.stat({ bigint: true })) };
  } catch (err) {
    await handle.close();
    throw err;
  }
}

/**
 * Opens an existing `file` for appending if it is a regular file (lstat
 * first, so a device is never opened at all; then O_NOFOLLOW|O_NONBLOCK and
 * fstat, so a swap between the two cannot slip one in).
 *
 * @example const found = await openExistingFile(file); if (found.kind === 'regular') use(found.handle);
 */
export async function openExistingFile(file: string, { readOnly = false }: { readOnly?: boolean } = {}): Promise<FoundFile> {
  try {
    const before = await lstat(file);
    if (!before.isFile()) return { kind: 'not-regular', type: typeName(before) };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw err;
  }
  let handle: FileHandle;
  try {
    handle = await open(file, readOnly ? O_RDONLY | O_NOFOLLOW | O_NONBLOCK : APPEND);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing' };
    if (code === 'ELOOP' || code === 'ENXIO') return { kind: 'not-regular', type: code === 'ELOOP' ? 'symbolic link' : 'FIFO' };
    throw err;
  }
  const stat = await handle.stat({ bigint: true }).catch(async (err: unknown) => {
    await handle.close();
    throw err;
  });
  if (!stat.isFile()) {
    await handle.close();
    return { kind: 'not-regular', type: typeName(stat) };
  }
  return { kind: 'regular', handle, identity: identityOf(stat), uid: Number(stat.uid), links: Number(stat.nlink), size: Number(stat.size) };
}

function typeName(stat: { isSymbolicLink(): boolean; isFIFO(): boolean; isDirectory(): boolean; isSocket(): boolean }): string {
  if (stat.isSymbolicLink()) return 'symbolic link';
  if (stat.isFIFO()) return 'FIFO';
  if (stat.isDirectory()) return 'directory';
  if (stat.isSocket()) return 'socket';
  return 'device';
}

const probe = Buffer.alloc(1);

/**
 * Whether the file behind `fd` holds more than `bytes` bytes: a one-byte
 * read at that offset (pread: the shared file offset the app writes through
 * is untouched), which allocates nothing. The sweep asks this of every open
 * log file every second; fstat made a Stats object each time, at 1000
 * instances 1.7 MB of garbage a second, three quarters of the controller's.
 *
 * @example if (isLargerThan(fd, 10 * 2 ** 20)) rotate();
 */
export function isLargerThan(fd: number, bytes: number): boolean {
  return readSync(fd, probe, 0, 1, bytes) > 0;
}
