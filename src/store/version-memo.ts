/**
 * A value read from the store, read again only when the store changed
 * (Store.version(): any write, this controller's or another process's).
 * Once-a-second readers (the dashboard's feed, `top`, metrics scrapes) of
 * an idle controller then cost one small query instead of whole tables.
 */
import type { Store } from './store.js';

/**
 * @example
 * const records = memoByStoreVersion(store, () => store.allocations.list());
 * records(); // read; again only after a write
 */
export function memoByStoreVersion<T>(store: Store, read: () => T): () => T {
  let cached: { version: string; value: T } | undefined;
  return () => {
    const version = store.version();
    if (cached?.version !== version) cached = { version, value: read() };
    return cached.value;
  };
}
