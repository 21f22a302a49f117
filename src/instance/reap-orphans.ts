/**
 * Processes this home started that no instance row owns: a controller
 * killed between a spawn and its row write, or mid-way through a reload
 * hand-over, leaves them behind, and the next controller would start
 * duplicates beside them. They are found by their spawn marker, matched
 * exactly against the markers the store recorded before each spawn; a
 * process without one is never touched.
 */
import type { Store } from '../store/store.js';
import { findMarkedProcesses, stopMarkedProcesses, type MarkedProcess } from '../process/marked-processes.js';
import { readStartTime } from '../process/proc-stat.js';
import { markerHome } from '../process/spawn-marker.js';
import { SpawnRecords } from './spawn-records.js';

type ReapStore = Pick<Store, 'instances' | 'spawns'>;

/**
 * Controller start: stops every recorded marker's process that is not a
 * live instance of a row (nor one of its descendants), and forgets the
 * markers nothing carries any more. Returns what it stopped.
 *
 * @example for (const p of await reapOrphans(store, home)) logger.warn(`stopped orphan ${p.pid}`);
 */
export async function reapOrphans(store: ReapStore, home: string, { timeoutMs = 5_000 }: { timeoutMs?: number } = {}): Promise<MarkedProcess[]> {
  const records = store.spawns.list();
  if (records.length === 0) return [];
  const liveGroups = new Set<number>();
  const liveMarkers = new Set<string>();
  for (const row of store.instances.list()) {
    if (row.pid === null || row.startTime === null || readStartTime(row.pid) !== row.startTime) continue;
    liveGroups.add(row.pid);
    const record = records.find((r) => r.app === row.app && r.index === row.index && r.pid === row.pid && r.startTime === row.startTime);
    if (record) liveMarkers.add(record.marker);
  }
  const recorded = records.map((r) => r.marker);
  const stopped = await stopMarkedProcesses(home, { recorded, keep: (p) => liveGroups.has(p.pgrp) || liveMarkers.has(p.marker), timeoutMs });
  forgetUncarried(store, home, recorded, liveMarkers);
  return stopped;
}

/**
 * `berth down` without a controller, after the recorded instances were
 * stopped: whatever still carries a recorded marker (orphans, descendants
 * that left their group) is stopped, and every record is forgotten.
 */
export async function stopEveryRecordedMarker(store: ReapStore, home: string, { timeoutMs = 10_000 }: { timeoutMs?: number } = {}): Promise<MarkedProcess[]> {
  const recorded = store.spawns.list().map((r) => r.marker);
  if (recorded.length === 0) return [];
  const stopped = await stopMarkedProcesses(home, { recorded, timeoutMs });
  forgetUncarried(store, home, recorded, new Set());
  return stopped;
}

/** Markers no live process carries (and no live instance owns) match nothing any more: their records go. */
function forgetUncarried(store: ReapStore, home: string, recorded: string[], keep: Set<string>): void {
  const wanted = new Set(recorded);
  const carried = new Set(findMarkedProcesses((m) => wanted.has(m)).map((p) => p.marker));
  const spawns = new SpawnRecords(store, markerHome(home));
  for (const marker of recorded) if (!keep.has(marker) && !carried.has(marker)) spawns.ended(marker);
}
