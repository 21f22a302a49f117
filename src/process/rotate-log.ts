/**
 * Size rotation of a log file an app is writing.
 *
 * Rotation is copytruncate (as logrotate calls it): the app owns its file
 * descriptor, opened O_APPEND at spawn, and berth cannot make it reopen a
 * renamed file. So the file is copied to file.1 (older copies shifted up to
 * file.N) and then truncated in place; O_APPEND makes the app's next write
 * land at the new end instead of leaving a hole. Lines written between the
 * copy and the truncate are lost: the price of not piping logs through the
 * controller.
 */
import { copyFile, rename, truncate } from 'node:fs/promises';
import { statSync } from 'node:fs';

/**
 * Rotates `file` when it is larger than maxSizeBytes: file.N-1 → file.N, …,
 * file → file.1 (copy then truncate). Keeps maxFiles rotated copies. Returns
 * true when it rotated. maxFiles 0 just truncates.
 *
 * @example await rotateLogIfNeeded('/srv/berth/logs/web-0.out.log', { maxSizeBytes: 10_485_760, maxFiles: 5 });
 */
export async function rotateLogIfNeeded(file: string, { maxSizeBytes, maxFiles }: { maxSizeBytes: number; maxFiles: number }): Promise<boolean> {
  let size: number;
  try {
    // statSync: this runs for every log file on every sweep tick and the async round trip costs more than the stat.
    size = statSync(file).size;
  } catch {
    return false;
  }
  if (size <= maxSizeBytes) return false;
  if (maxFiles > 0) {
    // Copy first, shift after: rename replaces its target atomically (the oldest copy drops off), so every
    // numbered file exists at all times but for the instant between the last two renames.
    const fresh = `${file}.rotating`;
    await copyFile(file, fresh);
    await truncate(file, 0);
    for (let n = maxFiles - 1; n >= 1; n--) {
      await rename(`${file}.${n}`, `${file}.${n + 1}`).catch(ignoreMissing);
    }
    await rename(fresh, `${file}.1`);
    return true;
  }
  await truncate(file, 0);
  return true;
}

function ignoreMissing(err: NodeJS.ErrnoException): void {
  if (err.code !== 'ENOENT') throw err;
}
