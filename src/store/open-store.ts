/**
 * Opens `<home>/state.db`: WAL so readers (the CLI) never block the
 * controller, a busy timeout so two writers wait rather than fail, foreign
 * keys on, migrations applied, prepared statements kept (statement-cache.ts).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { migrate } from './migrations.js';
import { prepareStateFile } from './state-file.js';
import { cachePreparedStatements } from './statement-cache.js';
import { enableWal } from './enable-wal.js';

export type Db = Database.Database;

/** How long any lock is waited for: a writer in another process, or the WAL conversion of a new file. */
const BUSY_TIMEOUT_MS = 5_000;

export function openDatabase(file: string, { readonly = false }: { readonly?: boolean } = {}): Db {
  if (file !== ':memory:') {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    prepareStateFile(file);
  }
  const db = new Database(file, { readonly: false, timeout: BUSY_TIMEOUT_MS });
  cachePreparedStatements(db);
  enableWal(db, BUSY_TIMEOUT_MS);
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  if (readonly) db.pragma('query_only = ON');
  return db;
}

export { stateDbPath } from './state-file.js';
