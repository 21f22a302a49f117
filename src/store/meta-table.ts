/**
 * Small facts about a berth home that commands without a controller need:
 * the directory the controller last watched, the port pool it used, where
 * its dashboard listens.
 */
import type { Db } from './open-store.js';

export type MetaKey = 'manifest_dir' | 'port_pool' | 'web_url' | 'write_check';

export class MetaTable {
  constructor(private readonly db: Db) {}

  get(key: MetaKey): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  set(key: MetaKey, value: string): void {
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }
}
