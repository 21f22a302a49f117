/**
 * The one writer of the spawns table: a marker for each spawn, recorded
 * before the process exists (so a controller killed mid-spawn leaves a
 * record the next one matches), its (pid, start time) once it runs, and the
 * record's removal once the process and its leftovers are gone.
 */
import type { SpawnsTable } from '../store/spawns-table.js';
import { newSpawnMarker } from '../process/spawn-marker.js';

export interface SpawnStore {
  spawns: Pick<SpawnsTable, 'list' | 'find' | 'insert' | 'setProcess' | 'delete'>;
}

export class SpawnRecords {
  /** `home`: the home as markers name it (markerHome). */
  constructor(private readonly store: SpawnStore, private readonly home: string) {}

  /**
   * A fresh marker for a spawn of (app, index), in the store before it is
   * returned: a failed write means no spawn.
   */
  begin(app: string, index: number): string {
    const marker = newSpawnMarker({ home: this.home, app, index });
    this.store.spawns.insert(marker, app, index);
    return marker;
  }

  spawned(marker: string, pid: number, startTime: string | null): void {
    this.store.spawns.setProcess(marker, pid, startTime);
  }

  /** The process and whatever it left are gone: the marker matches nothing any more. */
  ended(marker: string): void {
    this.store.spawns.delete(marker);
  }

  /** The marker a recorded process was spawned with (adoption). */
  markerOf(app: string, index: number, pid: number, startTime: string): string | undefined {
    return this.store.spawns.find(app, index, pid, startTime)?.marker;
  }

  markers(): string[] {
    return this.store.spawns.list().map((r) => r.marker);
  }
}
