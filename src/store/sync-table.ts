/**
 * Git sync state: one row per source (its settings, the suspend flag a
 * running loop checks, the last fetched and applied revisions, the last
 * error) and the inventory of the files each source wrote, with their
 * sha256, so a sync prunes only its own files and notices hand edits.
 */
import type { Db } from './open-store.js';

export interface SyncSourceSettings {
  name: string;
  /** An URL git can fetch, or an absolute local path. */
  repo: string;
  /** null: follow the remote's HEAD. */
  branch: string | null;
  /** Folder inside the repo, '' for its root. */
  path: string;
  /** The watched directory (absolute); files go to `<dir>/sync-<name>/`. */
  dir: string;
  intervalMs: number;
  selfHeal: boolean;
  allowEmpty: boolean;
}

export interface SyncRevision {
  rev: string;
  subject: string;
  at: number;
}

export interface SyncSourceRecord extends SyncSourceSettings {
  suspended: boolean;
  resolvedBranch: string | null;
  lastFetched: SyncRevision | null;
  lastApplied: SyncRevision | null;
  lastError: { message: string; at: number } | null;
  createdAt: number;
  updatedAt: number;
}

export interface InventoryEntry {
  /** Path inside `<dir>/sync-<name>/`, '/'-separated. */
  file: string;
  sha256: string;
  /** `kind/name` of each resource the file held when written, for prune output. */
  resources: string[];
}

interface SourceRow {
  name: string;
  repo: string;
  branch: string | null;
  path: string;
  dir: string;
  interval_ms: number;
  self_heal: number;
  allow_empty: number;
  suspended: number;
  resolved_branch: string | null;
  last_fetched_rev: string | null;
  last_fetched_subject: string | null;
  last_fetched_at: number | null;
  last_applied_rev: string | null;
  last_applied_subject: string | null;
  last_applied_at: number | null;
  last_error: string | null;
  last_error_at: number | null;
  created_at: number;
  updated_at: number;
}

function revision(rev: string | null, subject: string | null, at: number | null): SyncRevision | null {
  return rev === null ? null : { rev, subject: subject ?? '', at: at ?? 0 };
}

function fromRow(row: SourceRow): SyncSourceRecord {
  return {
    name: row.name,
    repo: row.repo,
    branch: row.branch,
    path: row.path,
    dir: row.dir,
    intervalMs: row.interval_ms,
    selfHeal: row.self_heal === 1,
    allowEmpty: row.allow_empty === 1,
    suspended: row.suspended === 1,
    resolvedBranch: row.resolved_branch,
    lastFetched: revision(row.last_fetched_rev, row.last_fetched_subject, row.last_fetched_at),
    lastApplied: revision(row.last_applied_rev, row.last_applied_subject, row.last_applied_at),
    lastError: row.last_error === null ? null : { message: row.last_error, at: row.last_error_at ?? 0 },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class SyncTable {
  constructor(private readonly db: Db, private readonly now: () => number) {}

  /** Creates the source or updates its settings; keeps its status, inventory and suspend flag. */
  upsertSource(settings: SyncSourceSettings): SyncSourceRecord {
    const now = this.now();
    this.db
      .prepare(
        `INSERT INTO sync_sources (name, repo, branch, path, dir, interval_ms, self_heal, allow_empty, created_at, updated_at)
         VALUES (@name, @repo, @branch, @path, @dir, @intervalMs, @selfHeal, @allowEmpty, @now, @now)
         ON CONFLICT (name) DO UPDATE SET repo = excluded.repo, branch = excluded.branch, path = excluded.path, dir = excluded.dir,
           interval_ms = excluded.interval_ms, self_heal = excluded.self_heal, allow_empty = excluded.allow_empty, updated_at = excluded.updated_at`,
      )
      .run({ ...settings, selfHeal: settings.selfHeal ? 1 : 0, allowEmpty: settings.allowEmpty ? 1 : 0, now });
    return this.get(settings.name)!;
  }

  get(name: string): SyncSourceRecord | undefined {
    const row = this.db.prepare('SELECT * FROM sync_sources WHERE name = ?').get(name) as SourceRow | undefined;
    return row && fromRow(row);
  }

  list(): SyncSourceRecord[] {
    return (this.db.prepare('SELECT * FROM sync_sources ORDER BY name').all() as SourceRow[]).map(fromRow);
  }

  /** @returns false when there is no such source. */
  setSuspended(name: string, suspended: boolean): boolean {
    return this.db.prepare('UPDATE sync_sources SET suspended = ?, updated_at = ? WHERE name = ?').run(suspended ? 1 : 0, this.now(), name).changes > 0;
  }

  recordFetched(name: string, fetched: { rev: string; subject: string; branch: string }): void {
    this.db
      .prepare('UPDATE sync_sources SET last_fetched_rev = ?, last_fetched_subject = ?, last_fetched_at = ?, resolved_branch = ?, updated_at = ? WHERE name = ?')
      .run(fetched.rev, fetched.subject, this.now(), fetched.branch, this.now(), name);
  }

  /** A successful sync: the revision now in the watched directory; clears the last error. */
  recordApplied(name: string, applied: { rev: string; subject: string }): void {
    this.db
      .prepare('UPDATE sync_sources SET last_applied_rev = ?, last_applied_subject = ?, last_applied_at = ?, last_error = NULL, last_error_at = NULL, updated_at = ? WHERE name = ?')
      .run(applied.rev, applied.subject, this.now(), this.now(), name);
  }

  recordError(name: string, message: string): void {
    this.db.prepare('UPDATE sync_sources SET last_error = ?, last_error_at = ?, updated_at = ? WHERE name = ?').run(message, this.now(), this.now(), name);
  }

  /** Forgets the source and its inventory (the files stay where they are). */
  removeSource(name: string): boolean {
    return this.db.prepare('DELETE FROM sync_sources WHERE name = ?').run(name).changes > 0;
  }

  inventory(source: string): Map<string, InventoryEntry> {
    const rows = this.db.prepare('SELECT file, sha256, resources FROM sync_inventory WHERE source = ? ORDER BY file').all(source) as { file: string; sha256: string; resources: string }[];
    return new Map(rows.map((row) => [row.file, { file: row.file, sha256: row.sha256, resources: JSON.parse(row.resources) as string[] }]));
  }

  putInventory(source: string, entry: InventoryEntry): void {
    this.db
      .prepare('INSERT INTO sync_inventory (source, file, sha256, resources) VALUES (?, ?, ?, ?) ON CONFLICT (source, file) DO UPDATE SET sha256 = excluded.sha256, resources = excluded.resources')
      .run(source, entry.file, entry.sha256, JSON.stringify(entry.resources));
  }

  deleteInventory(source: string, file: string): void {
    this.db.prepare('DELETE FROM sync_inventory WHERE source = ? AND file = ?').run(source, file);
  }
}
