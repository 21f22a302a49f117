/**
 * Reads what is on disk now for the files a sync cares about (the revision's
 * and the inventory's), hashed and parsed, as input for planSync.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { DiskFile } from './plan-sync.js';
import { digestResources, sha256 } from './validate-revision.js';

/** @example const disk = await readDiskState('/srv/manifests/sync-infra', ['web.yaml', 'db/pg.yaml']); */
export async function readDiskState(target: string, files: Iterable<string>): Promise<Map<string, DiskFile>> {
  const disk = new Map<string, DiskFile>();
  for (const file of new Set(files)) {
    const absolute = path.join(target, file);
    let content: string;
    try {
      content = await readFile(absolute, 'utf8');
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      throw err;
    }
    disk.set(file, { sha256: sha256(content), resources: digestResources(content, absolute).resources });
  }
  return disk;
}
