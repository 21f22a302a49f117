/**
 * `~` at the start of a path is the home directory, as a shell (and PM2)
 * reads it: "~/logs/web.log" → "/home/me/logs/web.log". Other `~user`
 * forms are left alone.
 */
import { homedir } from 'node:os';
import path from 'node:path';

/** @example expandHome('~/app', '/home/me') === '/home/me/app'; expandHome('./app') === './app' */
export function expandHome(file: string, home: string = homedir()): string {
  if (file === '~') return home;
  if (file.startsWith('~/')) return path.join(home, file.slice(2));
  return file;
}
