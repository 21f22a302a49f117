/**
 * Fetches a source into its bare cache and resolves the branch to a commit.
 * The cache is `git init --bare` plus an `origin` remote, fetched with an
 * explicit refspec into refs/remotes/: an interrupted first fetch leaves a
 * valid empty repository that the next attempt simply fetches again, and a
 * changed --repo only re-points the remote.
 */
import { mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { BerthError } from '../errors.js';
import { gitText, runGit } from './run-git.js';

export interface FetchedRevision {
  /** Full commit SHA. */
  rev: string;
  /** First line of the commit message. */
  subject: string;
  /** The branch it came from (resolved from the remote's HEAD when none was asked). */
  branch: string;
}

export interface FetchRevisionOptions {
  repo: string;
  branch: string | null;
  cacheDir: string;
  signal?: AbortSignal;
}

async function ensureCache(cacheDir: string, repo: string, signal?: AbortSignal): Promise<void> {
  if (!existsSync(path.join(cacheDir, 'HEAD'))) {
    await mkdir(cacheDir, { recursive: true, mode: 0o700 });
    await runGit(['init', '--bare', '--quiet', cacheDir], { signal });
  }
  const current = await gitText(['config', '--get', 'remote.origin.url'], { cwd: cacheDir, signal }).catch(() => null);
  if (current === null) await runGit(['remote', 'add', 'origin', repo], { cwd: cacheDir, signal });
  else if (current !== repo) await runGit(['remote', 'set-url', 'origin', repo], { cwd: cacheDir, signal });
}

/** The branch the remote's HEAD points at (`git ls-remote --symref origin HEAD`). */
async function remoteDefaultBranch(cacheDir: string, repo: string, signal?: AbortSignal): Promise<string> {
  const out = await gitText(['ls-remote', '--symref', 'origin', 'HEAD'], { cwd: cacheDir, signal });
  const match = /^ref: refs\/heads\/(\S+)\s+HEAD$/m.exec(out);
  if (!match) throw new BerthError('SYNC_FAILED', `cannot tell the default branch of ${repo} (empty repository, or a server that hides HEAD); pass --branch`);
  return match[1]!;
}

/**
 * @example const { rev, subject, branch } = await fetchRevision({ repo: '/src/infra', branch: null, cacheDir: '/h/sync/infra/repo.git' });
 * @throws BerthError SYNC_FAILED (unreachable repository, missing branch, git missing)
 */
export async function fetchRevision({ repo, branch, cacheDir, signal }: FetchRevisionOptions): Promise<FetchedRevision> {
  // It goes into a refspec: a ':' or space there would change what is fetched.
  if (branch !== null && (branch === '' || branch.startsWith('-') || /[\s:~^?*[\\]|\.\./.test(branch))) {
    throw new BerthError('SYNC_FAILED', `--branch: "${branch}" is not a valid branch name`);
  }
  await ensureCache(cacheDir, repo, signal);
  const resolved = branch ?? (await remoteDefaultBranch(cacheDir, repo, signal));
  const ref = `refs/remotes/origin/${resolved}`;
  try {
    await runGit(['fetch', '--quiet', '--no-tags', '--force', 'origin', `+refs/heads/${resolved}:${ref}`], { cwd: cacheDir, signal });
  } catch (err) {
    if (err instanceof BerthError && /couldn't find remote ref/i.test(err.message)) {
      throw new BerthError('SYNC_FAILED', `branch "${resolved}" not found in ${repo}`, { cause: err });
    }
    throw err;
  }
  const [rev, ...subject] = (await gitText(['log', '-1', '--format=%H%n%s', ref, '--'], { cwd: cacheDir, signal })).split('\n');
  return { rev: rev!, subject: subject.join(' '), branch: resolved };
}
