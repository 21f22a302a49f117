/**
 * The berth home is trusted with root's processes, secrets (spec.env in
 * state.db) and log files, so it is checked as ssh's StrictModes checks
 * ~/.ssh: a home owned by another user, or writable by group or others, is
 * refused with a one-line fix; one merely readable by others is tightened to
 * 0700 (berth creates homes 0700). Inside it berth never follows a symlink:
 * a `logs` that is a link, or not a folder, is refused too.
 */
import { chmodSync, lstatSync, mkdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { BerthError } from '../errors.js';

const GROUP_OTHER_WRITE = 0o022;
const GROUP_OTHER_ANY = 0o077;

export class UnsafeHomeError extends BerthError {
  constructor(message: string) {
    super('UNSAFE_HOME', message);
  }
}

/**
 * Checks an existing home and its `logs` folder (nothing is created; a
 * missing home passes). Throws UnsafeHomeError.
 *
 * @example checkHome('/root/.berth'); // throws `unsafe home /root/.berth: writable by group or others (mode 0777); fix: chmod 700 /root/.berth`
 */
export function checkHome(home: string): void {
  let link: Stats;
  try {
    link = lstatSync(home);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  // A home reached through a symlink is fine if the link is the user's (or root's) own: a link in /tmp made by someone else is not.
  if (link.isSymbolicLink() && link.uid !== uid() && link.uid !== 0) throw new UnsafeHomeError(`unsafe home ${home}: a symbolic link owned by uid ${link.uid}, not by you (uid ${uid()}); use a home of your own (--home DIR)`);
  const stat = link.isSymbolicLink() ? statSync(home) : link;
  checkDir(home, stat, home);
  const logs = path.join(home, 'logs');
  try {
    const logsStat = lstatSync(logs);
    if (logsStat.isSymbolicLink()) throw new UnsafeHomeError(`unsafe home ${home}: ${logs} is a symbolic link, and berth never follows one inside its home; fix: remove it`);
    checkDir(logs, logsStat, home);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/**
 * Creates the home (0700) and its `logs` folder if missing, after checking
 * what exists. For the commands that write into a home (`berth up`).
 */
export function ensureHome(home: string): void {
  checkHome(home);
  mkdirSync(path.join(home, 'logs'), { recursive: true, mode: 0o700 });
  checkHome(home); // what mkdir created is 0700 minus the umask: check it the same way
}

function checkDir(dir: string, stat: Stats, home: string): void {
  if (!stat.isDirectory()) throw new UnsafeHomeError(`unsafe home ${home}: ${dir} is not a folder`);
  if (stat.uid !== uid()) throw new UnsafeHomeError(`unsafe home ${home}: ${dir} is owned by uid ${stat.uid}, not by you (uid ${uid()}); use a home of your own (--home DIR), as ssh refuses another user's ~/.ssh`);
  const mode = stat.mode & 0o7777;
  if (mode & GROUP_OTHER_WRITE) throw new UnsafeHomeError(`unsafe home ${home}: ${dir} is writable by group or others (mode ${octal(mode)}); fix: chmod 700 ${dir}`);
  // Readable by others: tightened, not refused (nobody else could have planted anything).
  if (mode & GROUP_OTHER_ANY) chmodSync(dir, mode & ~GROUP_OTHER_ANY);
}

function uid(): number {
  return process.getuid?.() ?? 0;
}

function octal(mode: number): string {
  return `0${mode.toString(8).padStart(3, '0')}`;
}
