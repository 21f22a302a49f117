/**
 * Reads the manifests of one revision straight from the bare cache:
 * `git ls-tree` lists them, `git cat-file` reads each blob. No worktree, so
 * there is no checkout state to get half-updated or dirty, the view is
 * exactly one commit, and fetch and read never race over files on disk.
 */
import { MANIFEST_FILE } from '../manifest/load-manifest-dir.js';
import { runGit } from './run-git.js';

export interface RevisionFile {
  /** Path inside the synced folder (relative to --path), '/'-separated. */
  file: string;
  /** Path inside the repository, as error messages name it. */
  repoPath: string;
  content: string;
}

export interface ReadRevisionOptions {
  cacheDir: string;
  rev: string;
  /** '' for the root; otherwise normalised (see normaliseRepoPath). */
  path: string;
  signal?: AbortSignal;
}

/** Plain and executable files; symlinks and submodules are not manifests. */
const BLOB_MODES = new Set(['100644', '100755']);

/**
 * The *.yaml / *.yml files under `path` at `rev`, sorted, skipping dot-files
 * and dot-folders (.github/ and the like), as the watcher skips them.
 *
 * @example const files = await readRevisionFiles({ cacheDir, rev, path: 'deploy' }); // [{ file: 'web.yaml', repoPath: 'deploy/web.yaml', content }]
 */
export async function readRevisionFiles({ cacheDir, rev, path, signal }: ReadRevisionOptions): Promise<RevisionFile[]> {
  const listing = await runGit(['ls-tree', '-r', '-z', '--full-tree', rev, '--', ...(path ? [path] : [])], { cwd: cacheDir, signal });
  const entries: { file: string; repoPath: string; blob: string }[] = [];
  for (const record of listing.toString('utf8').split('\0')) {
    if (!record) continue;
    const tab = record.indexOf('\t');
    const [mode, type, blob] = record.slice(0, tab).split(' ');
    const repoPath = record.slice(tab + 1);
    if (type !== 'blob' || !BLOB_MODES.has(mode!)) continue;
    // --path may name one file; then it lands under its own base name.
    const file = repoPath === path ? repoPath.split('/').pop()! : path ? repoPath.slice(path.length + 1) : repoPath;
    if (file.split('/').some((part) => part.startsWith('.')) || !MANIFEST_FILE.test(file)) continue;
    entries.push({ file, repoPath, blob: blob! });
  }
  entries.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const files: RevisionFile[] = [];
  for (const entry of entries) {
    const content = (await runGit(['cat-file', 'blob', entry.blob], { cwd: cacheDir, signal })).toString('utf8');
    files.push({ file: entry.file, repoPath: entry.repoPath, content });
  }
  return files;
}
