/**
 * Readiness on a shared socket: "the instance's own processes accept on
 * it". Every instance holds the socket from the moment it starts, and the
 * port answers as long as any sibling serves, so neither "listens on the
 * port" nor a connect test says anything about a new instance. What does
 * (research: shared/research/socket-handoff.md §4), for any process of the
 * instance's process group that holds the socket:
 * - epoll: the socket is registered for input in one of its epoll
 *   instances (`tfd:` lines of /proc/PID/fdinfo/EPFD): libuv (Node), Go,
 *   asyncio, uvloop;
 * - accept: a thread blocks in accept/accept4 on it (threaded servers);
 * - poll/select: a thread blocks in poll/ppoll/select/pselect6 with the
 *   socket in its set, read from /proc/PID/mem (gunicorn sync workers,
 *   Python's socketserver). Needs the same ptrace access as reading
 *   another user's /proc/PID/syscall; without it this way finds nothing.
 * accept/poll/select are snapshots: the caller polls until one shows.
 */
import { closeSync, openSync, readFileSync, readSync, readdirSync } from 'node:fs';
import { processTable } from '../process/process-table.js';
import { readFdTargets, socketLink } from './socket-inode.js';

export type AcceptVia = 'epoll' | 'accept' | 'poll' | 'select';

export interface AcceptEvidence {
  pid: number;
  via: AcceptVia;
}

/** System call numbers that wait for a connection, by architecture (only the ones present there). */
const WAITING_SYSCALLS: Partial<Record<NodeJS.Architecture, { accept: number[]; poll: number[]; select: number[] }>> = {
  x64: { accept: [43, 288], poll: [7, 271], select: [23, 270] },
  arm64: { accept: [202, 242], poll: [73], select: [72] },
};
const EPOLLIN = 0x1;
const POLLIN = 0x1;
const MAX_POLL_FDS = 4096;

/**
 * The first process of group `pgid` (leader first) seen accepting on the
 * socket `inode`, or undefined when none is (yet).
 *
 * @example findAcceptor(instance.pid, socket.inode) → { pid: 4242, via: 'epoll' }
 */
export function findAcceptor(pgid: number, inode: string, { arch = process.arch }: { arch?: NodeJS.Architecture } = {}): AcceptEvidence | undefined {
  const leader = acceptEvidenceOf(pgid, inode, arch);
  if (leader) return { pid: pgid, via: leader };
  // Without the children files: the group's members, from a /proc scan at most one poll old (shared).
  for (const pid of descendantsOf(pgid) ?? processTable(performance.now() - 25).group(pgid).map((member) => member.pid)) {
    if (pid === pgid) continue;
    const via = acceptEvidenceOf(pid, inode, arch);
    if (via) return { pid, via };
  }
  return undefined;
}

/**
 * The leader's descendants through /proc/PID/task/TID/children (cheap: no
 * scan of every process, which readiness polling would repeat every few
 * milliseconds); undefined when the kernel lacks that file.
 */
function descendantsOf(pid: number): number[] | undefined {
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const tid of listTasks(parent)) {
      let text: string;
      try {
        text = readFileSync(`/proc/${parent}/task/${tid}/children`, 'latin1');
      } catch (err) {
        if (parent === pid && (err as NodeJS.ErrnoException).code === 'ENOENT' && found.length === 0) return undefined;
        continue;
      }
      const children = text.split(' ').filter(Boolean).map(Number);
      queue.push(...children);
      found.push(...children);
    }
  }
  return found;
}

/** How one process accepts on the socket, if it does. */
export function acceptEvidenceOf(pid: number, inode: string, arch: NodeJS.Architecture = process.arch): AcceptVia | undefined {
  const targets = readFdTargets(pid);
  const link = socketLink(inode);
  const mine = new Set([...targets].filter(([, target]) => target === link).map(([fd]) => fd));
  if (mine.size === 0) return undefined;
  for (const [fd, target] of targets) {
    if (target === 'anon_inode:[eventpoll]' && epollWatches(pid, fd, mine)) return 'epoll';
  }
  const calls = WAITING_SYSCALLS[arch];
  if (!calls) return undefined;
  for (const tid of listTasks(pid)) {
    const call = readSyscall(pid, tid);
    if (!call) continue;
    if (calls.accept.includes(call.nr) && mine.has(Number(call.args[0]))) return 'accept';
    if (calls.poll.includes(call.nr) && pollSetHas(pid, call.args[0]!, call.args[1]!, mine)) return 'poll';
    if (calls.select.includes(call.nr) && selectSetHas(pid, call.args[0]!, call.args[1]!, mine)) return 'select';
  }
  return undefined;
}

/** `tfd: 3 events: 19 ...` lines of an epoll fd: is one of `fds` registered for input? */
function epollWatches(pid: number, epfd: number, fds: Set<number>): boolean {
  let info: string;
  try {
    info = readFileSync(`/proc/${pid}/fdinfo/${epfd}`, 'latin1');
  } catch {
    return false;
  }
  for (const match of info.matchAll(/^tfd:\s+(\d+)\s+events:\s+([0-9a-f]+)/gm)) {
    if (fds.has(Number(match[1])) && (Number.parseInt(match[2]!, 16) & EPOLLIN) !== 0) return true;
  }
  return false;
}

function listTasks(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
}

/** `/proc/PID/task/TID/syscall`: the number (decimal) and arguments (hex) of a blocked call; undefined when running. */
function readSyscall(pid: number, tid: string): { nr: number; args: bigint[] } | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/task/${tid}/syscall`, 'latin1').trim();
  } catch {
    return undefined;
  }
  const fields = text.split(' ');
  const nr = Number(fields[0]);
  if (!Number.isInteger(nr) || nr < 0 || fields.length < 7) return undefined;
  return { nr, args: fields.slice(1, 7).map((hex) => BigInt(hex)) };
}

function readMemory(pid: number, address: bigint, length: number): Buffer | undefined {
  if (address === 0n || length <= 0) return undefined;
  let fd: number | undefined;
  try {
    fd = openSync(`/proc/${pid}/mem`, 'r');
    const buffer = Buffer.alloc(length);
    return readSync(fd, buffer, 0, length, address) === length ? buffer : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** poll(fds, nfds): an array of struct pollfd { int fd; short events; short revents; }. */
function pollSetHas(pid: number, address: bigint, count: bigint, fds: Set<number>): boolean {
  const n = Number(count);
  if (n <= 0 || n > MAX_POLL_FDS) return false;
  const memory = readMemory(pid, address, n * 8);
  if (!memory) return false;
  for (let i = 0; i < n; i++) {
    if (fds.has(memory.readInt32LE(i * 8)) && (memory.readInt16LE(i * 8 + 4) & POLLIN) !== 0) return true;
  }
  return false;
}

/** select(nfds, readfds, ...): readfds is a bitmap, fd N at byte N/8, bit N%8 (little-endian longs). */
function selectSetHas(pid: number, count: bigint, readfds: bigint, fds: Set<number>): boolean {
  const n = Number(count);
  if (n <= 0 || n > 65536) return false;
  const wanted = [...fds].filter((fd) => fd < n);
  if (wanted.length === 0) return false;
  const memory = readMemory(pid, readfds, Math.ceil(n / 8));
  return memory !== undefined && wanted.some((fd) => (memory[fd >> 3]! & (1 << (fd & 7))) !== 0);
}
