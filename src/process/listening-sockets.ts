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
/** Many instances starting at once poll readiness together: one parse of a table serves them all for this long. */
const TABLE_CACHE_MS = 50;
const cache = new Map<string, { at: number; byPort: Map<string, Set<string>> | undefined }>();

/** Inodes of sockets listening on `port`, or undefined when the tables cannot be read. */
export function listeningInodes(port: number, tables: string[] = DEFAULT_TABLES): Set<string> | undefined {
  const hexPort = toHexPort(port);
  let out: Set<string> | undefined;
  for (const table of tables) {
    const byPort = listeningTable(table, tables);
    if (byPort) out = new Set([...(out ?? []), ...(byPort.get(hexPort) ?? [])]);
  }
  return out;
}

function toHexPort(port: number): string {
  return port.toString(16).toUpperCase().padStart(4, '0');
}

/** One table's LISTEN sockets: the system's tables through the shared cache, others (tests) read as they are. */
function listeningTable(table: string, tables: string[]): Map<string, Set<string>> | undefined {
  return tables === DEFAULT_TABLES ? cachedListeningTable(table) : readListeningTable(table);
}

function cachedListeningTable(table: string): Map<string, Set<string>> | undefined {
  const now = Date.now();
  let entry = cache.get(table);
  if (!entry || now - entry.at > TABLE_CACHE_MS) cache.set(table, (entry = { at: now, byPort: readListeningTable(table) }));
  return entry.byPort;
}

/** LISTEN sockets of one table by hex port → inodes; undefined when it cannot be read. */
function readListeningTable(table: string): Map<string, Set<string>> | undefined {
  let text: string;
  try {
    text = readFileSync(table, 'latin1');
  } catch {
    return undefined;
  }
  const byPort = new Map<string, Set<string>>();
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    // fields: sl local_address rem_address st ... inode (index 9)
    if (fields.length < 10 || fields[3] !== LISTEN) continue;
    const port = fields[1]!.slice(fields[1]!.lastIndexOf(':') + 1);
    let inodes = byPort.get(port);
    if (!inodes) byPort.set(port, (inodes = new Set()));
    inodes.add(fields[9]!);
  }
  return byPort;
}

/** Inodes of the sockets `pid` holds; undefined when its descriptors cannot be read (gone, or not ours to see). */
function socketInodesOf(pid: number): Set<string> | undefined {
  const out = new Set<string>();
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return undefined;
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
 * The group's sockets are looked at first and the kernel's tables only when
 * it holds one: reading /proc/net/tcp walks the whole established-connection
 * hash (3.5 ms per table on a host with 262144 buckets), while a booting app,
 * polled every 100 ms, usually holds no socket at all. Tables are read one at
 * a time, tcp6 first (Node listens on :: by default), until one answers.
 *
 * @example isGroupListening(child.pid, 3000) // true once the app called listen(3000)
 */
export function isGroupListening(pgid: number, port: number, tables: string[] = DEFAULT_TABLES): boolean | undefined {
  const leader = socketInodesOf(pgid);
  // Its descriptors cannot be read (hidepid, another user): a connect test tells instead.
  if (leader === undefined) return undefined;
  const hexPort = toHexPort(port);
  const listensOn = (inodes: Set<string>): boolean | undefined => {
    let readable = false;
    for (const table of [...tables].reverse()) {
      const byPort = listeningTable(table, tables);
      if (!byPort) continue;
      readable = true;
      const listening = byPort.get(hexPort);
      if (listening && [...inodes].some((inode) => listening.has(inode))) return true;
    }
    return readable ? false : undefined;
  };
  // The leader first, without a scan: most apps listen in the process berth started.
  if (leader.size > 0 && listensOn(leader) === true) return true;
  const inGroup = new Set(leader);
  for (const member of processTable(performance.now() - GROUP_SCAN_MAX_AGE_MS).group(pgid)) {
    if (member.pid !== pgid) for (const inode of socketInodesOf(member.pid) ?? []) inGroup.add(inode);
  }
  if (inGroup.size === 0) return false;
  return listensOn(inGroup);
}
