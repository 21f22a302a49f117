/**
 * Runtime stops of single instances (`berth stop web/2`, PM2's `pm2 stop 3`):
 * the instance keeps its row and its ports but runs nothing until
 * `berth start web/2`, or a start, restart or reload of the whole app. Like
 * the app-wide stop, it lives in the store, not in the manifest.
 */
import type { Db } from './open-store.js';

export class InstanceStopsTable {
  constructor(private readonly db: Db, private readonly now: () => number) {}

  /** The stopped indices of an app, ascending. */
  list(app: string): number[] {
    return (this.db.prepare('SELECT idx FROM instance_stops WHERE app = ? ORDER BY idx').all(app) as { idx: number }[]).map((r) => r.idx);
  }

  set(app: string, index: number, stopped: boolean): void {
    if (stopped) this.db.prepare('INSERT INTO instance_stops (app, idx, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING').run(app, index, this.now());
    else this.db.prepare('DELETE FROM instance_stops WHERE app = ? AND idx = ?').run(app, index);
  }

  /** Forgets the stops of an app, or only those of indices >= fromIndex (scale-down). */
  clear(app: string, fromIndex = 0): void {
    this.db.prepare('DELETE FROM instance_stops WHERE app = ? AND idx >= ?').run(app, fromIndex);
  }
}
