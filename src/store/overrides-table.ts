/**
 * Runtime overrides set by `restart/reload --port` (and kept out of the
 * manifest). An override holds until the manifest's spec changes: it records
 * the spec hash it was set against and is void for any other.
 */
import type { Db } from './open-store.js';

export interface OverrideRecord {
  app: string;
  port: string | null;
  instances: number | null;
  specHash: string;
  createdAt: number;
}

export class OverridesTable {
  constructor(private readonly db: Db, private readonly now: () => number) {}

  get(app: string): OverrideRecord | undefined {
    return this.db
      .prepare('SELECT app, port, instances, spec_hash AS specHash, created_at AS createdAt FROM overrides WHERE app = ?')
      .get(app) as OverrideRecord | undefined;
  }

  set(app: string, override: { port: string | null; instances: number | null; specHash: string }): void {
    this.db
      .prepare('INSERT INTO overrides (app, port, instances, spec_hash, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (app) DO UPDATE SET port = excluded.port, instances = excluded.instances, spec_hash = excluded.spec_hash, created_at = excluded.created_at')
      .run(app, override.port, override.instances, override.specHash, this.now());
  }

  clear(app: string): void {
    this.db.prepare('DELETE FROM overrides WHERE app = ?').run(app);
  }
}
