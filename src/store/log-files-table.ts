/**
 * The log files berth created itself, by path and identity (device and
 * inode, as strings: they may exceed 2^53). App output is appended to, and
 * rotation truncates and renames, only files recorded here.
 */
import type { Db } from './open-store.js';

export interface FileIdentity {
  dev: string;
  ino: string;
}

export class LogFilesTable {
  constructor(private readonly db: Db, private readonly now: () => number) {}

  get(path: string): FileIdentity | undefined {
    return this.db.prepare('SELECT dev, ino FROM log_files WHERE path = ?').get(path) as FileIdentity | undefined;
  }

  set(path: string, identity: FileIdentity): void {
    this.db
      .prepare('INSERT INTO log_files (path, dev, ino, created_at) VALUES (?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET dev = excluded.dev, ino = excluded.ino, created_at = excluded.created_at')
      .run(path, identity.dev, identity.ino, this.now());
  }

  /** The file at `from` is now at `to` (rename): whatever `to` recorded before is replaced. */
  move(from: string, to: string): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM log_files WHERE path = ?').run(to);
      this.db.prepare('UPDATE log_files SET path = ? WHERE path = ?').run(to, from);
    })();
  }

  delete(path: string): void {
    this.db.prepare('DELETE FROM log_files WHERE path = ?').run(path);
  }
}
