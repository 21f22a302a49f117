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

export interface StoreOptions {
  now?: () => number;
}

export class Store {
  readonly apps: AppsTable;
  readonly instances: InstancesTable;
  readonly events: EventsTable;
  readonly overrides: OverridesTable;
  readonly allocations: PortAllocationsTable;
  readonly sync: SyncTable;
  readonly meta: MetaTable;
  readonly instanceStops: InstanceStopsTable;
  readonly listenSockets: ListenSocketsTable;
  readonly spawns: SpawnsTable;
  readonly logFiles: LogFilesTable;

  constructor(readonly db: Db, { now = Date.now }: StoreOptions = {}) {
    this.apps = new AppsTable(db, now);
    this.instances = new InstancesTable(db, now);
    this.events = new EventsTable(db, now);
    this.overrides = new OverridesTable(db, now);
    this.allocations = new PortAllocationsTable(db, now);
    this.sync = new SyncTable(db, now);
    this.meta = new MetaTable(db);
    this.instanceStops = new InstanceStopsTable(db, now);
    this.listenSockets = new ListenSocketsTable(db, now);
    this.spawns = new SpawnsTable(db, now);
    this.logFiles = new LogFilesTable(db, now);
  }

  /**
   * Changes whenever anything in the database changed, written through this
   * connection (total_changes) or another process's (data_version): a cheap
   * "did anything move?" for caches such as the dashboard's.
   */
  version(): string {
    // pluck() switches the statement's mode: this text is prepared here only, so the shared cache is unaffected
    this.totalChanges ??= this.db.prepare<[], number>('SELECT total_changes()').pluck();
    return `${String(this.db.pragma('data_version', { simple: true }))}/${String(this.totalChanges.get())}`;
  }

  private totalChanges?: Statement<[], number>;

  /** Runs `fn` in one BEGIN IMMEDIATE transaction: writers queue, never interleave. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  close(): void {
    this.db.close();
  }
}

export function openStore(file: string, options: StoreOptions = {}): Store {
  return new Store(openDatabase(file), options);
}
