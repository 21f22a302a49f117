/**
 * Spawn markers: one row per process berth spawned, written before the
 * spawn (pid and start time filled in after it), deleted once that process
 * and what it left behind are gone. Orphan clean-up matches a process's
 * marker against these rows exactly.
 */
import type { Db } from './open-store.js';

export interface SpawnRecord {
  marker: string;
  app: string;
  index: number;
  pid: number | null;
  startTime: string | null;
  createdAt: number;
}

interface SpawnRow {
  marker: string;
  app: string;
  idx: number;
  pid: number | null;
  start_time: string | null;
  created_at: number;
}

const fromRow = (row: SpawnRow): SpawnRecord => ({ marker: row.marker, app: row.app, index: row.idx, pid: row.pid, startTime: row.start_time, createdAt: row.created_at });

export class SpawnsTable {
  constructor(private readonly db: Db, private readonly now: () => number) {}

  list(): SpawnRecord[] {
    return (this.db.prepare('SELECT * FROM spawns ORDER BY created_at').all() as SpawnRow[]).map(fromRow);
  }

  /** The record of the process (pid, start time) of (app, index), if it was spawned with a marker. */
  find(app: string, index: number, pid: number, startTime: string): SpawnRecord | undefined {
    const row = this.db.prepare('SELECT * FROM spawns WHERE app = ? AND idx = ? AND pid = ? AND start_time = ?').get(app, index, pid, startTime) as SpawnRow | undefined;
    return row && fromRow(row);
  }

  insert(marker: string, app: string, index: number): void {
    this.db.prepare('INSERT INTO spawns (marker, app, idx, created_at) VALUES (?, ?, ?, ?)').run(marker, app, index, this.now());
  }

  setProcess(marker: string, pid: number, startTime: string | null): void {
    this.db.prepare('UPDATE spawns SET pid = ?, start_time = ? WHERE marker = ?').run(pid, startTime, marker);
  }

  delete(marker: string): void {
    this.db.prepare('DELETE FROM spawns WHERE marker = ?').run(marker);
  }
}
