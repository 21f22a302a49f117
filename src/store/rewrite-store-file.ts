/**
 * A state.db deleted (or replaced) under a running controller: the
 * controller's connection still holds the unlinked file with the whole
 * truth, while any other berth process would now see nothing (or another
 * file) at the path: split brain, ports handed out twice. So the controller
 * notices (the path's device and inode are not those it opened) and writes
 * its state back to the path. A file found there meanwhile (a CLI created a
 * fresh store) is kept aside under another name, never mixed in.
 */
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { openDatabase } from './open-store.js';
import type { Store } from './store.js';

/** The file's device and inode ("dev:ino"), or undefined when nothing is there. */
export function storeFileIdentity(file: string): string | undefined {
  try {
    const info = statSync(file);
    return `${info.dev}:${info.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Writes the store's current content to `file` and continues on it.
 * Returns where a file that stood at the path was moved, if one did.
 */
export function rewriteStoreFile(store: Store, file: string, now = Date.now()): { keptAside?: string } {
  const temp = `${file}.rewrite-${process.pid}`;
  rmSync(temp, { force: true });
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 }); // the whole home may have gone
  store.db.prepare('VACUUM INTO ?').run(temp);
  let keptAside: string | undefined;
  if (existsSync(file)) {
    keptAside = `${file}.replaced-${now}`;
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(`${file}${suffix}`)) renameSync(`${file}${suffix}`, `${keptAside}${suffix}`);
  }
  // Close the old connection first: on close SQLite removes "<file>-wal" by name, which must not be the new one's.
  store.close();
  renameSync(temp, file);
  store.replaceDatabase(openDatabase(file));
  return keptAside ? { keptAside } : {};
}
