/**
 * Finding and stopping the processes a berth home started, by the marker
 * each spawn carries (spawn-marker.ts), never by BERTH_HOME: a user's shell,
 * editor or PM2 daemon with BERTH_HOME exported carries no marker and is
 * never touched. Used for orphans (a controller killed between spawn and
 * the store write; a reload replacement it never recorded), for `berth
 * down`, and for an instance's descendants that left its process group
 * (setsid) when it stops.
 */
import { readFileSync } from 'node:fs';
import { listProcesses, readProcStat, type ProcStat } from './proc-stat.js';
import { processTable } from './process-table.js';
import { stopProcessSet, type ProcessSet } from './stop-process-group.js';
import { MARKER_VAR, markerHome, parseSpawnMarker } from './spawn-marker.js';

export interface MarkedProcess {
  pid: number;
  startTime: string;
  pgrp: number;
  /** The whole marker value, as recorded. */
  marker: string;
  app: string | undefined;
  instance: number | undefined;
}

const NEEDLE = Buffer.from(`\0${MARKER_VAR}=`);

/** The marker in a process's environment; undefined when it has none (or is gone, or not ours to read). */
export function readMarker(pid: number): string | undefined {
  let environ: Buffer;
  try {
    // A leading NUL so the first variable matches the same needle as the others.
    environ = Buffer.concat([Buffer.from([0]), readFileSync(`/proc/${pid}/environ`)]);
  } catch {
    return undefined;
  }
  const at = environ.indexOf(NEEDLE);
  if (at < 0) return undefined;
  const start = at + NEEDLE.length;
  const end = environ.indexOf(0, start);
  return environ.toString('utf8', start, end < 0 ? environ.length : end);
}

/** Markers by `pid:startTime`: a process's environment block is set at exec, so one read per process serves every scan. */
let markers = new Map<string, string | null>();

/** The marker of the process `stat` describes (cached). */
function markerOf(stat: ProcStat): string | undefined {
  const key = `${stat.pid}:${stat.startTime}`;
  let marker = markers.get(key);
  if (marker === undefined) {
    // Entries of gone processes pile up: start over now and then (it refills as scans need it).
    if (markers.size > 50_000) markers = new Map();
    markers.set(key, (marker = readMarker(stat.pid) ?? null));
  }
  return marker ?? undefined;
}

/**
 * Every live process whose marker `accept` says yes to (the caller's own
 * process and group excepted: a controller started from inside an app's
 * shell must not stop itself).
 */
export function findMarkedProcesses(accept: (marker: string) => boolean, candidates = listProcesses()): MarkedProcess[] {
  const self = readProcStat(process.pid);
  const found: MarkedProcess[] = [];
  for (const stat of candidates) {
    if (stat.state === 'Z' || stat.pid === process.pid || stat.pgrp === self?.pgrp) continue;
    const marker = markerOf(stat);
    if (marker === undefined || !accept(marker)) continue;
    const parsed = parseSpawnMarker(marker);
    found.push({ pid: stat.pid, startTime: stat.startTime, pgrp: stat.pgrp, marker, app: parsed?.app, instance: parsed?.index });
  }
  return found;
}

/**
 * Descendants of an instance that left its process group (setsid, a
 * daemonizing fork) but still carry its marker. Only processes started at
 * or after the instance itself can descend from it, so only their
 * environments are read (once each: markers are cached). The /proc scan is
 * one started after `takenAfter` (default: now), shared with concurrent stops.
 */
export function findEscapedProcesses({ marker, group, since, takenAfter }: { marker: string; group: number; since: string | null; takenAfter?: number }): MarkedProcess[] {
  const after = since === null ? 0 : Number(since);
  const candidates = processTable(takenAfter).all.filter((stat) => stat.pgrp !== group && Number(stat.startTime) >= after);
  return findMarkedProcesses((m) => m === marker, candidates);
}

/**
 * The set that stops `found`: the group of each found group leader (and of
 * a group whose leader is gone: berth's spawns made those groups), each
 * other process on its own.
 */
export function processSetOf(found: MarkedProcess[], groups: number[] = []): ProcessSet {
  const set: ProcessSet = { groups: [...groups], processes: [] };
  const marked = new Set(found.map((p) => p.pid));
  for (const p of found) {
    if (set.groups.includes(p.pgrp)) continue;
    const leaderIsOurs = marked.has(p.pgrp) || readProcStat(p.pgrp) === undefined;
    if (leaderIsOurs) set.groups.push(p.pgrp);
    else set.processes!.push({ pid: p.pid, startTime: p.startTime });
  }
  return set;
}

export interface StopMarkedOptions {
  /**
   * The markers the store records: only these match, exactly. Leave it out
   * only when the store cannot be read (corrupt state.db): then every
   * marker that names this home matches.
   */
  recorded?: Iterable<string>;
  /** Processes to leave running (the live instances a controller adopts, and their descendants). */
  keep?: (p: MarkedProcess) => boolean;
  signal?: NodeJS.Signals;
  timeoutMs?: number;
}

/**
 * Stops this home's marked processes (their groups: stop signal, then
 * SIGKILL) and returns what it stopped. A process without a marker that
 * matches is never signalled.
 *
 * @example
 * // controller start: what the store recorded but no live instance row owns
 * await stopMarkedProcesses(home, { recorded: spawnMarkers, keep: (p) => liveGroups.has(p.pgrp) });
 * // `berth down` with an unreadable state.db: everything this home started
 * await stopMarkedProcesses(home);
 */
export async function stopMarkedProcesses(home: string, { recorded, keep = () => false, signal = 'SIGTERM', timeoutMs = 10_000 }: StopMarkedOptions = {}): Promise<MarkedProcess[]> {
  const accept = markerMatcher(home, recorded);
  const found = findMarkedProcesses(accept).filter((p) => !keep(p));
  if (found.length === 0) return [];
  await stopProcessSet(processSetOf(found), { signal, timeoutMs });
  return found;
}

function markerMatcher(home: string, recorded: Iterable<string> | undefined): (marker: string) => boolean {
  if (recorded !== undefined) {
    const exact = new Set(recorded);
    return (marker) => exact.has(marker);
  }
  const own = markerHome(home);
  return (marker) => parseSpawnMarker(marker)?.home === own;
}
