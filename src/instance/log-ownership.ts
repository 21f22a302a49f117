/**
 * Which log files are berth's own: the one writer of the log_files table.
 * A file is berth's when berth created it (recorded with its device and
 * inode), or when it is a plain regular file of the current user in berth's
 * own logs folder (`<home>/logs`, which only the home's owner can write: the
 * logs of an older berth that kept no record). Anything else at a log path,
 * a user's file, a symlink, a FIFO, is never appended to, truncated or
 * replaced.
 */
import path from 'node:path';
import type { LogFilesTable } from '../store/log-files-table.js';
import { lstat } from 'node:fs/promises';
import { identityOf, sameIdentity, type FileIdentity, type FoundFile } from '../process/log-file-io.js';
import type { RotationSlots } from '../process/rotate-log.js';

export interface LogFileStore {
  logFiles: Pick<LogFilesTable, 'get' | 'set' | 'move' | 'delete'>;
}

export class LogOwnership implements RotationSlots {
  private readonly ownDir: string;

  /** `ownDir`: `<home>/logs`. */
  constructor(private readonly store: LogFileStore, ownDir: string) {
    this.ownDir = path.resolve(ownDir);
  }

  /** True when the regular file found at `file` is berth's (an unrecorded one in berth's own folder is recorded now). */
  owns(file: string, found: Pick<Extract<FoundFile, { kind: 'regular' }>, 'identity' | 'uid' | 'links'>): boolean {
    const recorded = this.store.logFiles.get(file);
    if (recorded) return sameIdentity(recorded, found.identity);
    const own = path.dirname(path.resolve(file)) === this.ownDir && found.uid === process.getuid?.() && found.links === 1;
    if (own) this.store.logFiles.set(file, found.identity);
    return own;
  }

  /** True when the store records `file` as one berth created (whatever is at the path now). */
  isRecorded(file: string): boolean {
    return this.store.logFiles.get(file) !== undefined;
  }

  created(file: string, identity: FileIdentity): void {
    this.store.logFiles.set(file, identity);
  }

  moved(from: string, to: string): void {
    this.store.logFiles.move(from, to);
  }

  async mayReplace(file: string): Promise<boolean> {
    let stat;
    try {
      stat = await lstat(file, { bigint: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return true;
      throw err;
    }
    return stat.isFile() && this.owns(file, { identity: identityOf(stat), uid: Number(stat.uid), links: Number(stat.nlink) });
  }
}
