/**
 * Does this process group itself listen on a TCP port? Reads the kernel's
 * socket tables (/proc/net/tcp, tcp6: state 0A = LISTEN) and matches their
 * inodes against the group's open file descriptors. Unlike a connect test,
 * the answer is about *this* instance, so it stays right when another
 * process shares the port (SO_REUSEPORT hand-over during reload) or a
 * stranger holds it.
 */
import { readFileSync, readdirSync, readlinkSync } from 'node:fs';
import { processTable } from './process-table.js';

const LISTEN = '0A';
/** Readiness polls every instance starting: the group's members may come from a /proc scan this old, shared by all of them. */
const GROUP_SCAN_MAX_AGE_MS = 100;

const DEFAULT_TABLES = ['/proc/net/tcp', '/proc/net/tcp6'];
/** Many instances starting at once poll readiness together: one parse of the tables serves them all for this long. */
const TABLE_CACHE_MS = 50;
let cache: { at: number; byPort: Map<string, Set<string>> | undefined } | undefined;

/** Inodes of sockets listening on `port`, or undefined when the tables cannot be read. */
export function listeningInodes(port: number, tables: string[] = DEFAULT_TABLES): Set<string> | undefined {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const table = tables === DEFAULT_TABLES ? cachedListeningTable() : readListeningTable(tables);
  return table && (table.get(hexPort) ?? new Set());
}

function cachedListeningTable(): Map<string, Set<string>> | undefined {
  const now = Date.now();
  if (!cache || now - cache.at > TABLE_CACHE_MS) cache = { at: now, byPort: readListeningTable(DEFAULT_TABLES) };
  return cache.byPort;
}

/** LISTEN sockets by hex port → inodes; undefined when no table can be read. */
function readListeningTable(tables: string[]): Map<string, Set<string>> | undefined {
  const byPort = new Map<string, Set<string>>();
  let readAny = false;
  for (const table of tables) {
    let text: string;
    try {
      text = readFileSync(table, 'latin1');
      readAny = true;
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // fields: sl local_address rem_address st ... inode (index 9)
      if (fields.length < 10 || fields[3] !== LISTEN) continue;
      const port = fields[1]!.slice(fields[1]!.lastIndexOf(':') + 1);
      let inodes = byPort.get(port);
      if (!inodes) byPort.set(port, (inodes = new Set()));
      inodes.add(fields[9]!);
    }
  }
  return readAny ? byPort : undefined;
}

function socketInodesOf(pid: number): Set<string> {
  const out = new Set<string>();
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return out;
  }
  for (const fd of fds) {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      if (target.startsWith('socket:[')) out.add(target.slice(8, -1));
    } catch {
      // closed meanwhile
    }
  }
  return out;
}

/**
 * True when a live process of the group `pgid` listens on TCP `port`;
 * undefined when /proc cannot tell (the caller falls back to connecting).
 *
 * @example isGroupListening(child.pid, 3000) // true once the app called listen(3000)
 */
export function isGroupListening(pgid: number, port: number): boolean | undefined {
  const listening = listeningInodes(port);
  if (listening === undefined) return undefined;
  if (listening.size === 0) return false;
  const holds = (pid: number) => [...socketInodesOf(pid)].some((inode) => listening.has(inode));
  // The leader first, without a scan: most apps listen in the process berth started.
  if (holds(pgid)) return true;
  return processTable(performance.now() - GROUP_SCAN_MAX_AGE_MS).group(pgid).some((member) => member.pid !== pgid && holds(member.pid));
}
