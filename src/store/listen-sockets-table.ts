/**
 * The listening sockets berth owns for `spec.socket` apps, one row per (app,
 * port): where it is bound and its inode. The inode outlives the controller
 * here, so the next controller can check that a socket it finds in a
 * running instance is the very one berth opened before taking it back.
 */
import type { Db } from './open-store.js';

export interface ListenSocketRecord {
  app: string;
  port: number;
  host: string;
  backlog: number;
  /** The socket's inode (`socket:[inode]` in /proc/PID/fd). */
  inode: string;
  openedAt: number;
}

interface Row {
  app: string;
  port: number;
  host: string;
  backlog: number;
  inode: string;
  opened_at: number;
}

const toRecord = (row: Row): ListenSocketRecord => ({ app: row.app, port: row.port, host: row.host, backlog: row.backlog, inode: row.inode, openedAt: row.opened_at });

export class ListenSocketsTable {
  constructor(private readonly db: Db, private readonly now: () => number) {}

  /** Every socket (of one app), by app then port. */
  list(app?: string): ListenSocketRecord[] {
    const rows = app === undefined
      ? this.db.prepare('SELECT * FROM listen_sockets ORDER BY app, port').all()
      : this.db.prepare('SELECT * FROM listen_sockets WHERE app = ? ORDER BY port').all(app);
    return (rows as Row[]).map(toRecord);
  }

  get(app: string, port: number): ListenSocketRecord | undefined {
    const row = this.db.prepare('SELECT * FROM listen_sockets WHERE app = ? AND port = ?').get(app, port) as Row | undefined;
    return row ? toRecord(row) : undefined;
  }

  /** Records a socket just opened (replacing a stale row for the same port). */
  record({ app, port, host, backlog, inode }: Omit<ListenSocketRecord, 'openedAt'>): void {
    this.db
      .prepare('INSERT INTO listen_sockets (app, port, host, backlog, inode, opened_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (app, port) DO UPDATE SET host = excluded.host, backlog = excluded.backlog, inode = excluded.inode, opened_at = excluded.opened_at')
      .run(app, port, host, backlog, inode, this.now());
  }

  /** Forgets the sockets of an app, or only the one on `port`. */
  delete(app: string, port?: number): void {
    if (port === undefined) this.db.prepare('DELETE FROM listen_sockets WHERE app = ?').run(app);
    else this.db.prepare('DELETE FROM listen_sockets WHERE app = ? AND port = ?').run(app, port);
  }
}
