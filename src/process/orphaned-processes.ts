/**
 * Processes a berth home started but never recorded: a controller killed
 * between spawn and the store write leaves one behind, and the next
 * controller would start a duplicate beside it. Every instance carries
 * BERTH_HOME=<home> in its environment, so they can be found by scanning
 * /proc/<pid>/environ; the store decides which are known.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { readProcStat } from './proc-stat.js';
import { stopProcessGroup } from './stop-process-group.js';

export const HOME_MARKER = 'BERTH_HOME';

export interface MarkedProcess {
  pid: number;
  startTime: string;
  app: string | undefined;
  instance: number | undefined;
}

function readEnviron(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0');
  } catch {
    return undefined; // gone, or another user's
  }
}

/** Group leaders (berth spawns each instance as its own group) whose environment names this home. */
export function findMarkedProcesses(home: string): MarkedProcess[] {
  const marker = `${HOME_MARKER}=${home}`;
  const found: MarkedProcess[] = [];
  for (const name of readdirSync('/proc')) {
    const first = name.charCodeAt(0);
    if (first < 48 || first > 57) continue;
    const pid = Number(name);
    if (pid === process.pid) continue;
    const environ = readEnviron(pid);
    if (!environ?.includes(marker)) continue;
    const stat = readProcStat(pid);
    if (!stat || stat.state === 'Z' || stat.pgrp !== pid) continue;
    const value = (key: string) => environ.find((e) => e.startsWith(`${key}=`))?.slice(key.length + 1);
    const instance = value('BERTH_INSTANCE_ID');
    found.push({ pid, startTime: stat.startTime, app: value('BERTH_APP_NAME'), instance: instance === undefined ? undefined : Number(instance) });
  }
  return found;
}

/**
 * Stops every marked process the store does not record (by pid and start
 * time). Returns what it stopped.
 */
export async function stopOrphanedProcesses(
  home: string,
  recorded: Iterable<{ pid: number | null; startTime: string | null }>,
  { timeoutMs = 5_000 }: { timeoutMs?: number } = {},
): Promise<MarkedProcess[]> {
  const known = new Set<string>();
  for (const row of recorded) if (row.pid !== null && row.startTime !== null) known.add(`${row.pid}:${row.startTime}`);
  const orphans = findMarkedProcesses(home).filter((p) => !known.has(`${p.pid}:${p.startTime}`));
  await Promise.all(orphans.map((p) => stopProcessGroup({ pid: p.pid, signal: 'SIGTERM', timeoutMs })));
  return orphans;
}
