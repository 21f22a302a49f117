/**
 * The instances table: the truth about what actually runs. A process is
 * identified by (pid, start time) so a reused PID is never mistaken for it.
 */
import type { Db } from './open-store.js';

export const INSTANCE_STATUSES = ['pending', 'starting', 'online', 'stopping', 'stopped', 'errored', 'crashloop'] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];

export interface InstanceRecord {
  app: string;
  index: number;
  pid: number | null;
  /** Process start time in clock ticks since boot, from /proc/<pid>/stat field 22. */
  startTime: string | null;
  specHash: string;
  status: InstanceStatus;
  restarts: number;
  startedAt: number | null;
  lastExitCode: number | null;
  lastExitSignal: string | null;
  updatedAt: number;
}

interface InstanceRow {
  app: string;
  idx: number;
  pid: number | null;
  start_time: string | null;
  spec_hash: string;
  status: InstanceStatus;
  restarts: number;
  started_at: number | null;
  last_exit_code: number | null;
  last_exit_signal: string | null;
  updated_at: number;
}

function fromRow(row: InstanceRow): InstanceRecord {
  return {
    app: row.app,
    index: row.idx,
    pid: row.pid,
    startTime: row.start_time,
    specHash: row.spec_hash,
    status: row.status,
    restarts: row.restarts,
    startedAt: row.started_at,
    lastExitCode: row.last_exit_code,
    lastExitSignal: row.last_exit_signal,
    updatedAt: row.updated_at,
  };
}

export type InstancePatch = Partial<Omit<InstanceRecord, 'app' | 'index' | 'updatedAt'>>;

const COLUMNS: Record<keyof InstancePatch, string> = {
  pid: 'pid',
  startTime: 'start_time',
  specHash: 'spec_hash',
  status: 'status',
  restarts: 'restarts',
  startedAt: 'started_at',
  lastExitCode: 'last_exit_code',
  lastExitSignal: 'last_exit_signal',
};

/** The patch's fields that are set, as [field, value] (undefined means "leave as is"). */
function definedEntries(patch: InstancePatch): [keyof InstancePatch, unknown][] {
  return Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof InstancePatch, unknown][];
}

export class InstancesTable {
  constructor(private readonly db: Db, private readonly now: () => number) {}

  list(app?: string): InstanceRecord[] {
    const rows = app === undefined
      ? this.db.prepare('SELECT * FROM instances ORDER BY app, idx').all()
      : this.db.prepare('SELECT * FROM instances WHERE app = ? ORDER BY idx').all(app);
    return (rows as InstanceRow[]).map(fromRow);
  }

  /** The app's instance indexes, ascending: what a reconcile needs of 1000 rows, without making 1000 records. */
  indexes(app: string): number[] {
    return (this.db.prepare('SELECT idx FROM instances WHERE app = ? ORDER BY idx').all(app) as { idx: number }[]).map((row) => row.idx);
  }

  get(app: string, index: number): InstanceRecord | undefined {
    const row = this.db.prepare('SELECT * FROM instances WHERE app = ? AND idx = ?').get(app, index) as InstanceRow | undefined;
    return row && fromRow(row);
  }

  /** Creates the row if missing, then applies the patch: one statement (a status change of every instance runs it). */
  upsert(app: string, index: number, patch: InstancePatch & { specHash: string }): void {
    const entries = definedEntries(patch);
    const columns = entries.map(([k]) => COLUMNS[k]);
    const sets = columns.map((c) => `${c} = excluded.${c}`).join(', ');
    this.db
      .prepare(`INSERT INTO instances (app, idx, ${columns.join(', ')}, updated_at) VALUES (?, ?, ${columns.map(() => '?').join(', ')}, ?) ON CONFLICT (app, idx) DO UPDATE SET ${sets}, updated_at = excluded.updated_at`)
      .run(app, index, ...entries.map(([, v]) => v), this.now());
  }

  update(app: string, index: number, patch: InstancePatch): InstanceRecord | undefined {
    const entries = definedEntries(patch);
    if (entries.length > 0) {
      const sets = entries.map(([k]) => `${COLUMNS[k]} = ?`).join(', ');
      this.db.prepare(`UPDATE instances SET ${sets}, updated_at = ? WHERE app = ? AND idx = ?`).run(...entries.map(([, v]) => v), this.now(), app, index);
    }
    return this.get(app, index);
  }

  delete(app: string, index?: number): void {
    if (index === undefined) this.db.prepare('DELETE FROM instances WHERE app = ?').run(app);
    else this.db.prepare('DELETE FROM instances WHERE app = ? AND idx = ?').run(app, index);
  }
}
