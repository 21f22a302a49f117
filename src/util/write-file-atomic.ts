/**
 * Writes a file so that a reader (the manifest watcher) sees either the old
 * or the new content, never half: write a temp file beside it, fsync, rename.
 * The temp name starts with '.' so the watcher's filter ignores it. The new
 * file keeps the mode and owner of the one it replaces (a 0600 manifest with
 * secrets stays 0600); a file that did not exist is created 0600.
 */
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** Mode of a file berth writes where none was: the owner's alone, as it may hold spec.env secrets. */
export const NEW_FILE_MODE = 0o600;

/** @example await writeFileAtomic('manifests/web.yaml', text); // keeps web.yaml's mode and owner */
export async function writeFileAtomic(file: string, content: string, { mode }: { mode?: number } = {}): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const existing = await stat(file).catch(() => undefined);
  const fileMode = mode ?? (existing ? existing.mode & 0o7777 : NEW_FILE_MODE);
  const temp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', fileMode);
  try {
    await handle.writeFile(content);
    // open() applied the umask: set the mode itself, then the owner (only root may give a file away; otherwise it stays ours).
    await handle.chmod(fileMode);
    if (existing) await handle.chown(existing.uid, existing.gid).catch(ignorePermission);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await rm(temp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

function ignorePermission(err: NodeJS.ErrnoException): void {
  if (err.code !== 'EPERM') throw err;
}
