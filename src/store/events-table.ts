/**
 * Events, as `kubectl describe` shows them: what happened to an app or an
 * instance, Normal or Warning, with a reason word and a message. Kept to the
 * newest N per app so the store does not grow without bound.
 */
import type { Db } from './open-store.js';

export interface EventRecord {
  id: number;
  at: number;
  app: string | null;
  instance: number | null;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export type NewEvent = Omit<EventRecord, 'id' | 'at'>;

const KEEP_PER_APP = 200;
/** An app's older events are trimmed after every this many of its inserts (it keeps 200 to 250): trimming on each insert was a second statement per event. */
const TRIM_EVERY = 50;

export class EventsTable {
  /** Inserts per app since its last trim. */
  private readonly untrimmed = new Map<string | null, number>();

  constructor(private readonly db: Db, private readonly now: () => number) {}

  record(event: NewEvent): void {
    this.db
      .prepare('INSERT INTO events (at, app, instance, type, reason, message) VALUES (?, ?, ?, ?, ?, ?)')
      .run(this.now(), event.app, event.instance, event.type, event.reason, event.message);
    const count = (this.untrimmed.get(event.app) ?? 0) + 1;
    this.untrimmed.set(event.app, count % TRIM_EVERY);
    if (count < TRIM_EVERY) return;
    this.db
      .prepare('DELETE FROM events WHERE app IS ? AND id <= (SELECT id FROM events WHERE app IS ? ORDER BY id DESC LIMIT 1 OFFSET ?)')
      .run(event.app, event.app, KEEP_PER_APP);
  }

  /** Every app's events after event `afterId` (0: from the oldest kept), oldest first, at most `limit`: the dashboard's feed. */
  listSince(afterId: number, limit = 100): EventRecord[] {
    return this.db
      .prepare('SELECT id, at, app, instance, type, reason, message FROM (SELECT * FROM events WHERE id > ? ORDER BY id DESC LIMIT ?) ORDER BY id')
      .all(afterId, limit) as EventRecord[];
  }

  /** Newest last. */
  list(app: string | null, limit = 20): EventRecord[] {
    const rows = this.db
      .prepare('SELECT id, at, app, instance, type, reason, message FROM events WHERE app IS ? ORDER BY id DESC LIMIT ?')
      .all(app, limit) as EventRecord[];
    return rows.reverse();
  }
}
