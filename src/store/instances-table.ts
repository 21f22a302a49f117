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

export class InstancesTable {
  constructor(private readonly db: Db, private readonly now: () => number) {}

  list(app?: string): InstanceRecord[] {
    const rows = app === undefined
      ? this.db.prepare('SELECT * FROM instances ORDER BY app, idx').all()
      : this.db.prepare('SELECT * FROM instances WHERE app = ? ORDER BY idx').all(app);
    return (rows as InstanceRow[]).map(fromRow);
  }

  get(app: string, index: number): InstanceRecord | undefined {
    const row = this.db.prepare('SELECT * FROM instances WHERE app = ? AND idx = ?').get(app, index) as InstanceRow | undefined;
    return row && fromRow(row);
  }

  /** Creates the row if missing, then applies the patch. */
  upsert(app: string, index: number, patch: InstancePatch & { specHash: string }): InstanceRecord {
    this.db
      .prepare('INSERT INTO instances (app, idx, spec_hash, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (app, idx) DO NOTHING')
      .run(app, index, patch.specHash, this.now());
    return this.update(app, index, patch)!;
  }

  update(app: string, index: number, patch: InstancePatch): InstanceRecord | undefined {
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof InstancePatch, unknown][];
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
