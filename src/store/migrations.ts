/**
 * Versioned schema migrations, applied in order inside one transaction each;
 * PRAGMA user_version records how far a database has come. Append only:
 * never edit a migration that has shipped.
 */
import type { Database } from 'better-sqlite3';

export interface Migration {
  version: number;
  description: string;
  up: (db: Database) => void;
}

export const migrations: Migration[] = [
  {
    version: 1,
    description: 'apps, instances, port allocations, overrides, events',
    up: (db) => {
      db.exec(`
        CREATE TABLE apps (
          name TEXT PRIMARY KEY,
          kind TEXT NOT NULL CHECK (kind IN ('App', 'PortClaim')),
          source TEXT NOT NULL,
          spec TEXT NOT NULL,
          spec_hash TEXT NOT NULL,
          labels TEXT NOT NULL DEFAULT '{}',
          generation INTEGER NOT NULL DEFAULT 1,
          observed_generation INTEGER NOT NULL DEFAULT 0,
          desired_state TEXT NOT NULL DEFAULT 'running' CHECK (desired_state IN ('running', 'stopped')),
          conditions TEXT NOT NULL DEFAULT '[]',
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        );
        CREATE TABLE instances (
          app TEXT NOT NULL,
          idx INTEGER NOT NULL CHECK (idx >= 0),
          pid INTEGER,
          start_time TEXT,
          spec_hash TEXT NOT NULL,
          status TEXT NOT NULL DEFAULT 'pending',
          restarts INTEGER NOT NULL DEFAULT 0,
          started_at INTEGER,
          last_exit_code INTEGER,
          last_exit_signal TEXT,
          updated_at INTEGER NOT NULL,
          PRIMARY KEY (app, idx)
        );
        CREATE TABLE port_allocations (
          protocol TEXT NOT NULL CHECK (protocol IN ('tcp', 'udp')),
          port INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
          owner TEXT NOT NULL,
          owner_kind TEXT NOT NULL CHECK (owner_kind IN ('app', 'claim', 'manual')),
          instance INTEGER,
          role TEXT NOT NULL CHECK (role IN ('port', 'block')),
          allocated_at INTEGER NOT NULL,
          PRIMARY KEY (protocol, port)
        );
        CREATE INDEX port_allocations_owner ON port_allocations (owner_kind, owner, instance);
        CREATE TABLE overrides (
          app TEXT PRIMARY KEY,
          port TEXT,
          instances INTEGER,
          spec_hash TEXT NOT NULL,
          created_at INTEGER NOT NULL
        );
        CREATE TABLE events (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          at INTEGER NOT NULL,
          app TEXT,
          instance INTEGER,
          type TEXT NOT NULL CHECK (type IN ('Normal', 'Warning')),
          reason TEXT NOT NULL,
          message TEXT NOT NULL
        );
        CREATE INDEX events_app ON events (app, id);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      `);
    },
  },
  {
    version: 2,
    description: 'git sync sources and the inventory of files each one wrote',
    up: (db) => {
      db.exec(`
        CREATE TABLE sync_sources (
          name TEXT PRIMARY KEY,
          repo TEXT NOT NULL,
          branch TEXT,
          path TEXT NOT NULL DEFAULT '',
          dir TEXT NOT NULL,
          interval_ms INTEGER NOT NULL,
          self_heal INTEGER NOT NULL DEFAULT 1 CHECK (self_heal IN (0, 1)),
          allow_empty INTEGER NOT NULL DEFAULT 0 CHECK (allow_empty IN (0, 1)),
          suspended INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
          resolved_branch TEXT,
          last_fetched_rev TEXT,
          last_fetched_subject TEXT,
          last_fetched_at INTEGER,
          last_applied_rev TEXT,
          last_applied_subject TEXT,
          last_applied_at INTEGER,
          last_error TEXT,
          last_error_at INTEGER,
          created_at INTEGER NOT NULL,
          updated_at INTEGER NOT NULL
        );
        CREATE TABLE sync_inventory (
          source TEXT NOT NULL REFERENCES sync_sources (name) ON DELETE CASCADE,
          file TEXT NOT NULL,
          sha256 TEXT NOT NULL,
          resources TEXT NOT NULL DEFAULT '[]',
          PRIMARY KEY (source, file)
        );
      `);
    },
  },
  {
    version: 3,
    description: 'runtime stops of single instances (`berth stop web/2`)',
    up: (db) => {
      db.exec(`
        CREATE TABLE instance_stops (
          app TEXT NOT NULL,
          idx INTEGER NOT NULL CHECK (idx >= 0),
          created_at INTEGER NOT NULL,
          PRIMARY KEY (app, idx)
        );
      `);
    },
  },
  {
    version: 4,
    description: 'listening sockets berth owns for spec.socket apps (inode, to take them back after a restart)',
    up: (db) => {
      db.exec(`
        CREATE TABLE listen_sockets (
          app TEXT NOT NULL,
          port INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
          host TEXT NOT NULL,
          backlog INTEGER NOT NULL,
          inode TEXT NOT NULL,
          opened_at INTEGER NOT NULL,
          PRIMARY KEY (app, port)
        );
      `);
    },
  },
  {
    version: 5,
    description: 'spawn markers recorded before each spawn (orphan clean-up matches them exactly); the log files berth created',
    up: (db) => {
      db.exec(`
        CREATE TABLE spawns (
          marker TEXT PRIMARY KEY,
          app TEXT NOT NULL,
          idx INTEGER NOT NULL,
          pid INTEGER,
          start_time TEXT,
          created_at INTEGER NOT NULL
        );
        CREATE INDEX spawns_instance ON spawns (app, idx);
        CREATE TABLE log_files (
          path TEXT PRIMARY KEY,
          dev TEXT NOT NULL,
          ino TEXT NOT NULL,
          created_at INTEGER NOT NULL
        );
      `);
    },
  },
];

export function migrate(db: Database, list: Migration[] = migrations): { from: number; to: number } {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  const from = version();
  let to = from;
  for (const migration of list) {
    if (migration.version <= to) continue;
    db.transaction(() => {
      // Read again under the write lock: another process creating the same store may have run it meanwhile.
      if (version() >= migration.version) return;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
    to = version();
  }
  return { from, to };
}
