/**
 * Socket identity through /proc: the inode behind a file descriptor
 * (`readlink /proc/PID/fd/N` → `socket:[INODE]`). berth records the inode of
 * every socket it owns, so a socket found in an instance after a controller
 * restart is checked to be the very same one before it is used.
 */
import { readdirSync, readlinkSync } from 'node:fs';

/** The link text /proc shows for a socket inode. */
export const socketLink = (inode: string): string => `socket:[${inode}]`;

/**
 * The socket inode behind `fd` of `pid` ('self' for this process), or
 * undefined when the process or fd is gone or is not a socket.
 *
 * @example socketInodeOf('self', handle.fd) → '40856'
 */
export function socketInodeOf(pid: number | 'self', fd: number): string | undefined {
  let target: string;
  try {
    target = readlinkSync(`/proc/${pid}/fd/${fd}`);
  } catch {
    return undefined;
  }
  const match = /^socket:\[(\d+)\]$/.exec(target);
  return match ? match[1] : undefined;
}

/**
 * Every fd of `pid` with its link target (sockets, pipes, files,
 * `anon_inode:[eventpoll]`); empty when the process is gone or not readable.
 */
export function readFdTargets(pid: number): Map<number, string> {
  const targets = new Map<number, string>();
  let fds: string[];
  try {
    fds = readdirSync(`/proc/${pid}/fd`);
  } catch {
    return targets;
  }
  for (const fd of fds) {
    try {
      targets.set(Number(fd), readlinkSync(`/proc/${pid}/fd/${fd}`));
    } catch {
      // closed meanwhile
    }
  }
  return targets;
}
