/**
 * Taking a listening socket back after a controller restart: the instances
 * kept serving on their fd 3, and the new controller needs its own copy for
 * the next spawn or reload. It copies the instance's fd 3 with pidfd_getfd
 * and checks it is the very socket berth recorded (same inode) and that it
 * still listens. Where that cannot be done, a typed SocketAdoptError says
 * why, so the controller can keep the instances running, report it in
 * `berth info` and refuse a reload instead of opening a gap.
 */
import { closeSync, existsSync, readlinkSync } from 'node:fs';
import { ListeningSocket } from './listening-socket.js';
import { loadPidfdSyscalls, type PidfdSyscalls } from './pidfd-syscalls.js';
import { SocketAdoptError, type SocketAdoptReason } from './socket-errors.js';
import { socketInodeOf, socketLink } from './socket-inode.js';
import { findTcpSocket } from './socket-table.js';
import { LISTEN_FD } from './socket-launch.js';

export interface RecordedSocket {
  /** The inode recorded when berth opened the socket. */
  inode: string;
  /** The host it was bound to (kept for bookkeeping; the kernel knows the rest). */
  host: string;
  /** The instance's fd that holds it; default 3. */
  fd?: number;
}

/**
 * @example
 * const socket = await takeSocketFrom(instance.pid, { inode: row.inode, host: '::' });
 * // socket.fd is the controller's copy; spawn the next instance with it
 */
export async function takeSocketFrom(pid: number, recorded: RecordedSocket, syscalls?: PidfdSyscalls): Promise<ListeningSocket> {
  const fd = recorded.fd ?? LISTEN_FD;
  checkInstanceHolds(pid, fd, recorded.inode);
  let calls = syscalls;
  if (!calls) {
    try {
      calls = await loadPidfdSyscalls();
    } catch (err) {
      throw new SocketAdoptError('unsupported', pid, `cannot load pidfd_getfd: ${(err as Error).message}`, { cause: err });
    }
  }
  const pidfd = calls.pidfdOpen(pid);
  if ('errno' in pidfd) throw new SocketAdoptError(reasonOf(pidfd.errno), pid, `pidfd_open: ${pidfd.errno}`);
  let copy;
  try {
    copy = calls.pidfdGetfd(pidfd.fd, fd);
  } finally {
    closeSync(pidfd.fd);
  }
  if ('errno' in copy) throw new SocketAdoptError(reasonOf(copy.errno), pid, `pidfd_getfd: ${copy.errno}${copy.errno === 'EPERM' ? ' (needs root or CAP_SYS_PTRACE over the app)' : ''}`);
  try {
    if (socketInodeOf('self', copy.fd) !== recorded.inode) throw new SocketAdoptError('mismatch', pid, `fd ${fd} changed while it was copied`);
    const state = findTcpSocket(recorded.inode);
    if (!state?.listening) throw new SocketAdoptError('not-listening', pid, `socket:[${recorded.inode}] no longer listens`);
    return ListeningSocket.fromAdoptedFd(copy.fd, { inode: recorded.inode, host: recorded.host, port: state.port });
  } catch (err) {
    closeSync(copy.fd);
    throw err;
  }
}

/**
 * Tries each running instance in turn; the first that yields the socket
 * wins. When none does, throws the error that explains most (a permission
 * problem over a process that just exited).
 *
 * @example const { socket, pid } = await takeSocketFromAny([4242, 4243], { inode, host: '::' });
 */
export async function takeSocketFromAny(pids: readonly number[], recorded: RecordedSocket, syscalls?: PidfdSyscalls): Promise<{ socket: ListeningSocket; pid: number }> {
  const errors: SocketAdoptError[] = [];
  for (const pid of pids) {
    try {
      return { socket: await takeSocketFrom(pid, recorded, syscalls), pid };
    } catch (err) {
      if (!(err instanceof SocketAdoptError)) throw err;
      errors.push(err);
    }
  }
  const rank: SocketAdoptReason[] = ['permission', 'unsupported', 'not-listening', 'mismatch', 'gone'];
  errors.sort((a, b) => rank.indexOf(a.reason) - rank.indexOf(b.reason));
  throw errors[0] ?? new SocketAdoptError('gone', 0, 'no running instance to take it from');
}

/** Cheap checks through /proc before any system call: the process runs and its fd is the recorded socket. */
function checkInstanceHolds(pid: number, fd: number, inode: string): void {
  let target: string;
  try {
    target = readlinkSync(`/proc/${pid}/fd/${fd}`);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new SocketAdoptError('permission', pid, `cannot read /proc/${pid}/fd/${fd}: ${code}`, { cause: err });
    if (existsSync(`/proc/${pid}`)) throw new SocketAdoptError('mismatch', pid, `it has no fd ${fd}`, { cause: err });
    throw new SocketAdoptError('gone', pid, 'the process is not running', { cause: err });
  }
  if (target !== socketLink(inode)) throw new SocketAdoptError('mismatch', pid, `its fd ${fd} is ${target}, not the recorded socket:[${inode}]`);
}

function reasonOf(errno: string): SocketAdoptReason {
  if (errno === 'EPERM' || errno === 'EACCES') return 'permission';
  if (errno === 'ESRCH') return 'gone';
  if (errno === 'EBADF') return 'mismatch';
  return 'unsupported';
}
