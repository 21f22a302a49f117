/**
 * better-sqlite3, required on first use instead of imported: its native
 * addon then loads only in a process that opens a database. The bundled bin
 * holds the store code of `berth list`'s offline fallback, where a static
 * import would be hoisted and load the addon on every list
 * (scripts/bundle-cli.mjs refuses that).
 *
 * @example const db = new (sqlite())('/srv/berth/state.db', { timeout: 5_000 });
 */
import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';

let loaded: typeof Database | undefined;

export function sqlite(): typeof Database {
  loaded ??= createRequire(import.meta.url)('better-sqlite3') as typeof Database;
  return loaded;
}
