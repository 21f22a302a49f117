/**
 * `state.db` holds every spec.env in clear text, so it is the owner's alone:
 * created 0600 by berth itself before SQLite opens it (SQLite gives the -wal
 * and -shm files the database's mode), an existing one tightened to 0600,
 * and never reached through a symlink.
 */
import { chmodSync, closeSync, constants, lstatSync, openSync } from 'node:fs';
import path from 'node:path';
import { BerthError } from '../errors.js';

const { O_CREAT, O_EXCL, O_WRONLY, O_NOFOLLOW } = constants;

/** Where a home keeps its store (here, not in open-store.ts, so asking costs no SQLite load). */
export function stateDbPath(home: string): string {
  return path.join(home, 'state.db');
}

/** @example prepareStateFile('/root/.berth/state.db'); new Database('/root/.berth/state.db'); */
export function prepareStateFile(file: string): void {
  try {
    closeSync(openSync(file, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW, 0o600));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  for (const part of [file, `${file}-wal`, `${file}-shm`]) {
    let stat;
    try {
      stat = lstatSync(part);
    } catch {
      continue;
    }
    if (!stat.isFile()) throw new BerthError('UNSAFE_HOME', `unsafe home: ${part} is not a regular file (berth never follows a symlink inside its home); fix: remove it`);
    if (stat.mode & 0o077) chmodSync(part, 0o600);
  }
}
