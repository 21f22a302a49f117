/**
 * Turns a store to WAL, waiting for the file when another process holds it.
 * Converting a database's journal needs the file to itself, and SQLite does
 * not run the busy handler for that step: two processes creating a new
 * home's store at once (`berth up` beside a CLI command), or one opening it
 * while another is in a write transaction on the new file, failed at once
 * with "database is locked" whatever the busy timeout. WAL is a property of
 * the file, so once any process has converted it there is nothing left to
 * do and no lock is needed: the mode is read first, and the conversion is
 * tried again, briefly asleep between tries, within `timeoutMs`.
 */
import type Database from 'better-sqlite3';

const pause = new Int32Array(new SharedArrayBuffer(4));

/** @example enableWal(db, 5_000); // 'wal' (or 'memory' for ':memory:') */
export function enableWal(db: Database.Database, timeoutMs: number): string {
  const deadline = Date.now() + timeoutMs;
  for (let waitMs = 5; ; waitMs = Math.min(waitMs * 2, 100)) {
    try {
      const mode = db.pragma('journal_mode', { simple: true }) as string;
      if (mode === 'wal') return mode;
      return db.pragma('journal_mode = WAL', { simple: true }) as string;
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() >= deadline) throw err;
      // the same kind of wait as SQLite's own busy timeout, which also blocks the thread
      Atomics.wait(pause, 0, 0, waitMs);
    }
  }
}
