/**
 * The one writer of the spawns table: a marker for each spawn, recorded
 * before the process exists (so a controller killed mid-spawn leaves a
 * record the next one matches), its (pid, start time) once it runs, and the
 * record's removal once the process and its leftovers are gone.
 *
 * A store that cannot be written (disk full, I/O error) must not stop
 * supervision: the record is then kept here and written as soon as the
 * store takes writes again. Until then only a controller that dies can
 * lose it, and `berth down` still finds the process by the marker's home.
 */
import type { SpawnsTable } from '../store/spawns-table.js';
import { newSpawnMarker, parseSpawnMarker } from '../process/spawn-marker.js';

export interface SpawnStore {
  spawns: Pick<SpawnsTable, 'list' | 'find' | 'insert' | 'setProcess' | 'delete'>;
}

/** A record the store did not take yet. */
interface Unsaved {
  app: string;
  index: number;
  /** The row exists already; only its process is to be written. */
  inserted: boolean;
  process?: { pid: number; startTime: string | null };
}

export interface SpawnRecordsOptions {
  /** A write that failed and will be retried (reported, never thrown). */
  onError?: (err: unknown) => void;
  retryMs?: number;
}

export class SpawnRecords {
  private readonly unsaved = new Map<string, Unsaved>();
  private readonly unsavedEnds = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  /** `home`: the home as markers name it (markerHome). */
  constructor(private readonly store: SpawnStore, private readonly home: string, private readonly options: SpawnRecordsOptions = {}) {}

  /** A fresh marker for a spawn of (app, index), recorded before it is returned (or kept to record as soon as the store can). */
  begin(app: string, index: number): string {
    const marker = newSpawnMarker({ home: this.home, app, index });
    this.attempt(() => this.store.spawns.insert(marker, app, index), () => this.unsaved.set(marker, { app, index, inserted: false }));
    return marker;
  }

  spawned(marker: string, pid: number, startTime: string | null): void {
    const pending = this.unsaved.get(marker);
    if (pending) pending.process = { pid, startTime };
    else this.attempt(() => this.store.spawns.setProcess(marker, pid, startTime), () => this.unsaved.set(marker, { ...this.recordOf(marker), inserted: true, process: { pid, startTime } }));
  }

  /** The process and whatever it left are gone: the marker matches nothing any more. */
  ended(marker: string): void {
    if (this.unsaved.delete(marker)) return;
    this.attempt(() => this.store.spawns.delete(marker), () => this.unsavedEnds.add(marker));
  }

  /** The marker a recorded process was spawned with (adoption). */
  markerOf(app: string, index: number, pid: number, startTime: string): string | undefined {
    for (const [marker, record] of this.unsaved) if (record.app === app && record.index === index && record.process?.pid === pid && record.process.startTime === startTime) return marker;
    return this.store.spawns.find(app, index, pid, startTime)?.marker;
  }

  markers(): string[] {
    return [...new Set([...this.store.spawns.list().map((r) => r.marker), ...this.unsaved.keys()])];
  }

  /** Writes what the store did not take yet; what fails again waits for the next try. */
  flush(): void {
    const records = [...this.unsaved];
    const ends = [...this.unsavedEnds];
    this.unsaved.clear();
    this.unsavedEnds.clear();
    for (const [marker, record] of records) {
      let { inserted } = record;
      this.attempt(() => {
        if (!inserted) this.store.spawns.insert(marker, record.app, record.index);
        inserted = true;
        if (record.process) this.store.spawns.setProcess(marker, record.process.pid, record.process.startTime);
      }, () => this.unsaved.set(marker, { ...record, inserted }));
    }
    for (const marker of ends) this.attempt(() => this.store.spawns.delete(marker), () => this.unsavedEnds.add(marker));
  }

  stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private recordOf(marker: string): { app: string; index: number } {
    const parsed = parseSpawnMarker(marker);
    return { app: parsed?.app ?? '', index: parsed?.index ?? 0 };
  }

  private attempt(write: () => void, keep: () => void): void {
    try {
      write();
    } catch (err) {
      keep();
      this.options.onError?.(err);
      this.timer ??= setTimeout(() => {
        this.timer = undefined;
        this.flush();
      }, this.options.retryMs ?? 1_000).unref();
    }
  }
}
