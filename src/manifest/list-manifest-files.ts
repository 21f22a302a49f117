/**
 * Lists the manifest files under the watched directory. A missing, non-
 * directory or unreadable top folder is an error (ManifestDirError), never
 * "no apps". Below it, a folder or file that cannot be read is a problem of
 * that path alone, so the rest goes on. Symlinked files and folders are
 * followed (nginx's sites-enabled, a ConfigMap's `..data`, stow); a link
 * that leads back to a folder being walked is a cycle, reported, not walked.
 */
import { readdir, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { BerthError } from '../errors.js';
import { displayPath } from './display-path.js';

export const MANIFEST_FILE = /\.ya?ml$/i;

/** The watched directory itself cannot be read: its desired state is unknown, not empty. */
export class ManifestDirError extends BerthError {
  constructor(readonly dir: string, readonly reason: string) {
    super('MANIFEST_DIR', `manifest directory ${dir}: ${reason}`);
  }
}

/** A path under the directory that could not be read (or a cycle), reported as that path's problem. */
export interface ListingProblem {
  path: string;
  message: string;
  /** A folder: the apps of files below it are unknown, not gone. */
  directory: boolean;
}

export interface ManifestListing {
  /** Absolute paths (through symlinks as found, not resolved), sorted. */
  files: string[];
  problems: ListingProblem[];
  /** Real paths of the symlinked files and folders followed: what a watcher must watch besides the folder. */
  linkTargets: string[];
}

const codeOf = (err: unknown): string => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

/**
 * @example const { files, problems } = await listManifestFiles('/srv/berth/manifests')
 * With `missingOk`, a directory that does not exist yet lists nothing (apply writes create it).
 */
export async function listManifestFiles(dir: string, { missingOk = false }: { missingOk?: boolean } = {}): Promise<ManifestListing> {
  const root = path.resolve(dir);
  const files: string[] = [];
  const problems: ListingProblem[] = [];
  const linkTargets: string[] = [];
  let rootStat;
  try {
    rootStat = await stat(root);
  } catch (err) {
    if (missingOk && codeOf(err) === 'ENOENT') return { files, problems, linkTargets };
    throw new ManifestDirError(root, codeOf(err));
  }
  if (!rootStat.isDirectory()) throw new ManifestDirError(root, 'ENOTDIR (not a directory)');

  /** `ancestors`: the folders (dev:ino → path) on the way down, where a link back would loop. */
  async function walk(current: string, ancestors: Map<string, string>): Promise<void> {
    let entries;
    try {
      entries = await readdir(current, { withFileTypes: true });
    } catch (err) {
      if (current === root) throw new ManifestDirError(root, codeOf(err));
      if (codeOf(err) !== 'ENOENT') problems.push({ path: current, message: `cannot read: ${codeOf(err)}`, directory: true });
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(current, entry.name);
      if (entry.isFile()) {
        if (MANIFEST_FILE.test(entry.name)) files.push(full);
        continue;
      }
      if (!entry.isDirectory() && !entry.isSymbolicLink()) continue;
      let target;
      try {
        target = await stat(full);
      } catch (err) {
        if (entry.isSymbolicLink() && MANIFEST_FILE.test(entry.name)) {
          const to = await readlink(full).catch(() => '?');
          problems.push({ path: full, message: `cannot read: ${codeOf(err)} (symlink to ${to})`, directory: false });
        } else if (codeOf(err) !== 'ENOENT') problems.push({ path: full, message: `cannot read: ${codeOf(err)}`, directory: true });
        continue;
      }
      const followed = (): Promise<void> => (entry.isSymbolicLink() ? realpath(full).then((real) => void linkTargets.push(real), () => undefined) : Promise.resolve());
      if (target.isFile()) {
        if (!MANIFEST_FILE.test(entry.name)) continue;
        files.push(full);
        await followed();
      } else if (target.isDirectory()) {
        const id = `${target.dev}:${target.ino}`;
        const loop = ancestors.get(id);
        if (loop !== undefined) {
          problems.push({ path: full, message: `symlink cycle: leads back to ${displayPath(loop)}; not followed`, directory: false });
          continue;
        }
        await followed();
        await walk(full, new Map(ancestors).set(id, full));
      }
    }
  }
  await walk(root, new Map([[`${rootStat.dev}:${rootStat.ino}`, root]]));
  return { files: files.sort(), problems, linkTargets: [...new Set(linkTargets)].sort() };
}
