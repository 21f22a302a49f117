/**
 * The dashboard's bearer token: `<home>/web-token`, mode 0600, made at the
 * first `berth up --web`; `berth dashboard` reads it back. A symlink in its
 * place is refused, as berth follows none inside its home.
 */
import { constants, openSync, readFileSync, writeSync, closeSync, lstatSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { BerthError } from '../errors.js';

export function webTokenPath(home: string): string {
  return path.join(home, 'web-token');
}

/** The token, or undefined when no dashboard ever ran for this home. */
export function readWebToken(home: string): string | undefined {
  const file = webTokenPath(home);
  let stat;
  try {
    stat = lstatSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  if (!stat.isFile()) throw new BerthError('USAGE', `${file} is not a regular file; remove it and start \`berth up --web\` again`);
  if ((stat.mode & 0o077) !== 0) throw new BerthError('USAGE', `${file} is readable by other users (mode ${(stat.mode & 0o777).toString(8)}); run \`chmod 600 ${file}\``);
  const token = readFileSync(file, 'utf8').trim();
  if (token.length < 16) throw new BerthError('USAGE', `${file} holds no usable token; remove it and start \`berth up --web\` again`);
  return token;
}

/**
 * The existing token, or a new one written 0600 (O_EXCL: two controllers
 * racing never overwrite each other's).
 *
 * @example const token = ensureWebToken('/home/me/.berth'); // 'k3J…' (32 characters)
 */
export function ensureWebToken(home: string): string {
  const existing = readWebToken(home);
  if (existing) return existing;
  const token = randomBytes(24).toString('base64url');
  let fd: number;
  try {
    fd = openSync(webTokenPath(home), constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return readWebToken(home)!;
    throw err;
  }
  try {
    writeSync(fd, `${token}\n`);
  } finally {
    closeSync(fd);
  }
  return token;
}
