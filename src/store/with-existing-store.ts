/**
 * For CLI commands that read state without a controller: open
 * <home>/state.db only if it exists (never create one as a side effect of a
 * read), run `fn`, close. The store module loads lazily, so a command that
 * finds no state never pays for SQLite.
 *
 * @example const dir = await withExistingStore(home, (s) => s.meta.get('manifest_dir'), () => undefined);
 */
import { existsSync } from 'node:fs';
import type { Store } from './store.js';
import { stateDbPath } from './state-file.js';

export async function withExistingStore<T>(home: string, fn: (store: Store) => T | Promise<T>, ifMissing: () => T): Promise<T> {
  const file = stateDbPath(home);
  if (!existsSync(file)) return ifMissing();
  const { openStore } = await import('./store.js');
  const store = openStore(file);
  try {
    return await fn(store);
  } finally {
    store.close();
  }
}
