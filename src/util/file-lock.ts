/**
 * An exclusive lock on a file that the kernel releases when its holder dies.
 * Node has no flock(2); SQLite takes POSIX fcntl locks, so an empty SQLite
 * file held in `BEGIN EXCLUSIVE` is one: held while the process lives (also
 * while it is stopped with SIGSTOP), released on exit, crash or SIGKILL,
 * never left stale as a pid file would be. The holder is read from
 * /proc/locks (kernel truth), so an error can name it.
 *
 * @example
 * const lock = tryLockFile('/srv/berth/home/controller.lock'); // or: await lockFile(file, { waitMs: 60_000 })
 * if (!lock) throw new Error(`held by pid ${lockHolder(file)}`);
 * ...; lock.release();
 */
import Database from 'better-sqlite3';
import { readFileSync, statSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface FileLock {
  release(): void;
}

const isBusy = (err: unknown): boolean => {
  const code = (err as { code?: unknown }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
};

/** Takes the lock if it is free, else undefined. Never waits. */
export function tryLockFile(file: string): FileLock | undefined {
  const db = openLockFile(file);
  let lock: FileLock | undefined;
  try {
    lock = lockOpen(db, () => db.close());
  } finally {
    if (!lock) db.close();
  }
  return lock;
}

/**
 * Takes the lock, waiting up to `waitMs` for its holder to let go (polling
 * every 5-20 ms, without blocking the event loop). Undefined on timeout.
 */
export function lockFile(file: string, { waitMs = 0 }: { waitMs?: number } = {}): Promise<FileLock | undefined> {
  return waitForLock(() => tryLockFile(file), waitMs);
}

/**
 * A lock file kept open and locked for each use, for a lock taken often:
 * opening the SQLite handle was ~1 ms, most of what a port probe's lock
 * cost (issue 19). Before each use the file at the path is checked to be
 * the one held open; deleted or replaced, it is opened again, so every
 * process always locks the same file.
 *
 * @example const probes = new ReusableFileLock(file); const lock = await probes.lock({ waitMs: 30_000 }); ...; lock?.release();
 */
export class ReusableFileLock {
  private db: Database.Database | undefined;
  private identity: string | undefined;

  /** Opens the file now (creating it), so the first use pays only the lock. */
  constructor(private readonly file: string) {
    this.open();
  }

  /** Takes the lock if it is free (also of this process's other users), else undefined. Never waits. */
  tryLock(): FileLock | undefined {
    if (this.db?.inTransaction) return undefined; // held by this process
    const identity = identityOf(this.file);
    const db = !this.db || identity === undefined || identity !== this.identity ? this.open() : this.db;
    return lockOpen(db, () => {
      if (db.open && db.inTransaction) db.exec('ROLLBACK');
    });
  }

  private open(): Database.Database {
    this.db?.close();
    this.db = openLockFile(this.file);
    this.identity = identityOf(this.file);
    return this.db;
  }

  lock({ waitMs = 0 }: { waitMs?: number } = {}): Promise<FileLock | undefined> {
    return waitForLock(() => this.tryLock(), waitMs);
  }
}

function openLockFile(file: string): Database.Database {
  return new Database(file, { timeout: 0 });
}

/** An open BEGIN EXCLUSIVE holds the lock; undefined if another holds it. */
function lockOpen(db: Database.Database, unlock: () => void): FileLock | undefined {
  try {
    db.pragma('journal_mode = MEMORY'); // no -journal file beside the lock; reading the mode waits on a holder too
    // Not locking_mode=EXCLUSIVE: a failed attempt would keep its SHARED lock and block the holder's successors.
    db.exec('BEGIN EXCLUSIVE');
  } catch (err) {
    if (isBusy(err)) return undefined;
    throw err;
  }
  let held = true;
  return {
    release: () => {
      if (!held) return;
      held = false;
      unlock();
    },
  };
}

async function waitForLock(tryLock: () => FileLock | undefined, waitMs: number): Promise<FileLock | undefined> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const lock = tryLock();
    if (lock || Date.now() >= deadline) return lock;
    await sleep(5 + Math.random() * 15);
  }
}

/** Device and inode, as a key; undefined when the file is not there. */
function identityOf(file: string): string | undefined {
  try {
    const info = statSync(file);
    return `${info.dev}:${info.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * The pid of the process holding a lock on `file`, from /proc/locks: null
 * when nobody holds one, undefined when that cannot be told (no such file,
 * no /proc/locks). Reading it never takes the lock, unlike a try.
 */
export function lockHolder(file: string): number | null | undefined {
  let id: string;
  try {
    const info = statSync(file, { bigint: true });
    // glibc's gnu_dev_major/minor, as /proc/locks prints them (hex major:minor:inode)
    const major = ((info.dev >> 8n) & 0xfffn) | ((info.dev >> 32n) & ~0xfffn);
    const minor = (info.dev & 0xffn) | ((info.dev >> 12n) & ~0xffn);
    id = `${major.toString(16).padStart(2, '0')}:${minor.toString(16).padStart(2, '0')}:${info.ino}`;
  } catch {
    return undefined;
  }
  let table: string;
  try {
    table = readFileSync('/proc/locks', 'utf8');
  } catch {
    return undefined;
  }
  // "1: POSIX  ADVISORY  WRITE 12973 fe:00:2147136 1073741824 1073742335"
  for (const line of table.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields[1] === 'POSIX' && fields[5] === id) {
      const pid = Number(fields[4]);
      if (Number.isInteger(pid) && pid > 0) return pid;
    }
  }
  return null;
}
