/**
 * pidfd_open(2) and pidfd_getfd(2) through koffi (a prebuilt FFI: no
 * compiler at install, no install script run; loaded only when a controller
 * adopts a socket). Node has no binding for them, and they are the only way
 * to copy a descriptor out of a running process that will not send it.
 *
 * Why koffi rather than a small N-API addon or a helper process:
 * - an addon is ~40 lines of C but needs a compiler, Python and Node headers
 *   on every install (or prebuilds per platform to build and publish);
 * - a perl/python helper would get the fd in *its* process; handing it on to
 *   the controller needs SCM_RIGHTS, which Node can only receive through its
 *   IPC channel, so a second (node) hop, and a perl or python3 on the host;
 * - koffi: 1.9 MB + 2.3 MB (the one prebuilt for this platform), MIT,
 *   maintained, in-process, and the same permission as any other way
 *   (PTRACE_MODE_ATTACH_REALCREDS over the target).
 * Both calls are numbered alike on every architecture (the generic table).
 */
import { getSystemErrorName } from 'node:util';

const SYS_PIDFD_OPEN = 434;
const SYS_PIDFD_GETFD = 438;

/** A call's result: the new fd, or the errno name (EPERM, ESRCH, ENOSYS, EBADF, ...). */
export type FdResult = { fd: number } | { errno: string };

export interface PidfdSyscalls {
  pidfdOpen(pid: number): FdResult;
  pidfdGetfd(pidfd: number, targetFd: number): FdResult;
}

let loading: Promise<PidfdSyscalls> | undefined;

/**
 * Loads koffi and libc once. Rejects (with the reason as message) where
 * that is impossible: not Linux, koffi missing, no libc found.
 */
export function loadPidfdSyscalls(): Promise<PidfdSyscalls> {
  loading ??= load();
  return loading;
}

async function load(): Promise<PidfdSyscalls> {
  if (process.platform !== 'linux') throw new Error(`pidfd_getfd exists only on Linux (this is ${process.platform})`);
  const koffi = (await import('koffi')).default;
  const libc = openLibc(koffi);
  const syscall = libc.func('long syscall(long nr, ...)') as (...args: unknown[]) => number | bigint;
  const call = (...args: unknown[]): FdResult => {
    const result = Number(syscall(...args));
    return result >= 0 ? { fd: result } : { errno: getSystemErrorName(-koffi.errno()) };
  };
  return {
    pidfdOpen: (pid) => call(SYS_PIDFD_OPEN, 'long', pid, 'long', 0),
    pidfdGetfd: (pidfd, targetFd) => call(SYS_PIDFD_GETFD, 'long', pidfd, 'long', targetFd, 'long', 0),
  };
}

type Koffi = (typeof import('koffi'))['default'];

function openLibc(koffi: Koffi): ReturnType<Koffi['load']> {
  const names = ['libc.so.6', `libc.musl-${process.arch === 'x64' ? 'x86_64' : process.arch === 'arm64' ? 'aarch64' : process.arch}.so.1`];
  for (const name of names) {
    try {
      return koffi.load(name);
    } catch {
      // try the next libc
    }
  }
  throw new Error(`no C library found (tried ${names.join(', ')})`);
}
