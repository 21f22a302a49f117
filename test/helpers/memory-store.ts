/** A real Store over an in-memory SQLite database, migrated. */
import Database from 'better-sqlite3';
import { migrate } from '../../src/store/migrations.js';
import { Store } from '../../src/store/store.js';

export function memoryStore(): Store {
  const db = new Database(':memory:');
  migrate(db);
  return new Store(db);
}
