/**
 * Errors of listening-socket ownership, with stable codes: binding or
 * listening failed (SOCKET_FAILED, or SPEC's PORT_IN_USE for EADDRINUSE), and
 * taking a socket back from a running instance failed (SOCKET_ADOPT_FAILED,
 * with a `reason` the controller turns into a condition and a refused reload).
 */
import { BerthError } from '../errors.js';

/** Binding or listening on a port failed for a reason other than "in use". */
export class SocketError extends BerthError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('SOCKET_FAILED', message, options);
  }
}

/**
 * Why a socket could not be taken back from an instance:
 * - `permission`: pidfd_getfd refused (EPERM): needs root or CAP_SYS_PTRACE over the instance;
 * - `unsupported`: the kernel (< 5.6) or the platform lacks pidfd_getfd, or the FFI could not load;
 * - `gone`: the process is no longer running;
 * - `mismatch`: its fd is not the recorded socket (another inode, or no socket);
 * - `not-listening`: the socket exists but no longer listens (an app called shutdown(2) on it).
 */
export type SocketAdoptReason = 'permission' | 'unsupported' | 'gone' | 'mismatch' | 'not-listening';

/**
 * @example
 * new SocketAdoptError('permission', 4242, 'pidfd_getfd: EPERM')
 *   .message → "cannot take the listening socket back from pid 4242: pidfd_getfd: EPERM"
 */
export class SocketAdoptError extends BerthError {
  constructor(readonly reason: SocketAdoptReason, readonly pid: number, detail: string, options: { cause?: unknown } = {}) {
    super('SOCKET_ADOPT_FAILED', `cannot take the listening socket back from pid ${pid}: ${detail}`, options);
  }
}

/** Why the reason matters to a user, for `berth info` (one line). */
export function explainAdoptReason(reason: SocketAdoptReason): string {
  switch (reason) {
    case 'permission':
      return 'the controller may not copy file descriptors out of the app (run berth as root or with CAP_SYS_PTRACE; Yama ptrace_scope >= 1 forbids it for processes it did not start)';
    case 'unsupported':
      return 'this system cannot copy file descriptors between processes (pidfd_getfd needs Linux 5.6 or later)';
    case 'gone':
      return 'no running instance holds the socket any more';
    case 'mismatch':
      return 'the running instances hold another socket than the one berth recorded';
    case 'not-listening':
      return 'the socket no longer listens (an app shut it down)';
  }
}
