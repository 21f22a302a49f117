/**
 * Commands that check the watched directory and then write into it (apply,
 * `start "cmd"`, scale, delete) take turns: `<home>/manifests.lock` is held
 * from the first read to the last write, so two applies can never both see
 * a port as free and both write it (SPEC: of 10 parallel applies on one
 * fixed port exactly one succeeds). A kernel lock (util/file-lock.ts): a
 * killed apply never leaves it stale.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { BerthError } from '../errors.js';
import { lockFile } from '../util/file-lock.js';

export async function withManifestLock<T>(home: string, fn: () => Promise<T>, { waitMs = 60_000 }: { waitMs?: number } = {}): Promise<T> {
  mkdirSync(home, { recursive: true, mode: 0o700 });
  const lock = await lockFile(path.join(home, 'manifests.lock'), { waitMs });
  if (!lock) throw new BerthError('INTERNAL', `another berth command kept ${path.join(home, 'manifests.lock')} for ${waitMs / 1000} s; try again`);
  try {
    return await fn();
  } finally {
    lock.release();
  }
}
