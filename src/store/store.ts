/**
 * The state store facade: one SQLite file, one table class per concept.
 *
 * @example const store = openStore('/srv/berth/state.db'); store.apps.list();
 */
import type { Statement } from 'better-sqlite3';
import { openDatabase, type Db } from './open-store.js';
import { AppsTable } from './apps-table.js';
import { InstancesTable } from './instances-table.js';
import { EventsTable } from './events-table.js';
import { MetaTable } from './meta-table.js';
import { OverridesTable } from './overrides-table.js';
import { PortAllocationsTable } from './port-allocations-table.js';
import { SyncTable } from './sync-table.js';
import { InstanceStopsTable } from './instance-stops-table.js';
import { ListenSocketsTable } from './listen-sockets-table.js';
import { SpawnsTable } from './spawns-table.js';
import { LogFilesTable } from './log-files-table.js';
import { asStoreError, StoreCorruptError } from './store-errors.js';

export interface StoreOptions {
  now?: () => number;
}

export class Store {
  apps!: AppsTable;
  instances!: InstancesTable;
  events!: EventsTable;
  overrides!: OverridesTable;
  allocations!: PortAllocationsTable;
  sync!: SyncTable;
  meta!: MetaTable;
  instanceStops!: InstanceStopsTable;
  listenSockets!: ListenSocketsTable;
  spawns!: SpawnsTable;
  logFiles!: LogFilesTable;
  private connection!: Db;
  private readonly now: () => number;

  constructor(db: Db, { now = Date.now }: StoreOptions = {}) {
    this.now = now;
    this.bind(db);
  }

  get db(): Db {
    return this.connection;
  }

  /**
   * Changes whenever anything in the database changed, written through this
   * connection (total_changes) or another process's (data_version): a cheap
   * "did anything move?" for caches such as the dashboard's.
   */
  version(): string {
    // One prepared statement, asked every second by the dashboard and the instance list; the
    // connection's number comes first, as a rewritten file's new connection counts from zero again.
    this.versionQuery ??= this.db.prepare<[], string>("SELECT data_version || '/' || total_changes() FROM pragma_data_version").pluck();
    return `${this.connections}/${this.versionQuery.get()!}`;
  }

  private versionQuery?: Statement<[], string>;
  /** Connections this store has had (replaceDatabase): part of version(). */
  private connections = 0;

  /** Runs `fn` in one BEGIN IMMEDIATE transaction: writers queue, never interleave. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  /**
   * Continues on another connection (the file was rewritten): the tables
   * are rebuilt on it, so everyone holding this Store uses it from now on.
   */
  replaceDatabase(db: Db): void {
    this.bind(db);
  }

  close(): void {
    this.db.close();
  }

  private bind(db: Db): void {
    this.connection = db;
    this.apps = new AppsTable(db, this.now);
    this.instances = new InstancesTable(db, this.now);
    this.events = new EventsTable(db, this.now);
    this.overrides = new OverridesTable(db, this.now);
    this.allocations = new PortAllocationsTable(db, this.now);
    this.sync = new SyncTable(db, this.now);
    this.meta = new MetaTable(db);
    this.instanceStops = new InstanceStopsTable(db, this.now);
    this.listenSockets = new ListenSocketsTable(db, this.now);
    this.spawns = new SpawnsTable(db, this.now);
    this.logFiles = new LogFilesTable(db, this.now);
    this.versionQuery = undefined;
    this.connections++;
  }
}

export function openStore(file: string, options: StoreOptions = {}): Store {
  try {
    return new Store(openDatabase(file), options);
  } catch (err) {
    throw asStoreError(err, file);
  }
}

/**
 * Opens the store and reads every page once (PRAGMA quick_check): the
 * controller must not start on a file it will fail on later.
 */
export function openCheckedStore(file: string, options: StoreOptions = {}): Store {
  const store = openStore(file, options);
  let result: string;
  try {
    result = (store.db.pragma('quick_check') as { quick_check: string }[]).map((row) => row.quick_check).join('; ');
  } catch (err) {
    store.close();
    throw asStoreError(err, file);
  }
  if (result !== 'ok') {
    store.close();
    throw new StoreCorruptError(file, result.split('\n')[0]!);
  }
  return store;
}
