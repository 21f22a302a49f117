/**
 * Tells a local repository path from an URL git fetches itself. git runs in
 * the cache folder, so a relative path must become absolute first; an URL or
 * scp-like `user@host:path` is passed on untouched.
 */
import path from 'node:path';
import { UsageError } from '../errors.js';

const URL_SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
// git's own rule: a colon before the first slash is ssh's scp-like syntax.
const SCP_LIKE = /^[^/]*:/;

/**
 * @example resolveRepoLocation('../infra', '/home/me/app') === '/home/me/infra'
 * @example resolveRepoLocation('git@github.com:acme/infra.git', '/x') === 'git@github.com:acme/infra.git'
 */
export function resolveRepoLocation(repo: string, cwd: string): string {
  if (repo.trim() === '') throw new UsageError('--repo: expected an URL or a path, got an empty string');
  // git would read a leading '-' as an option even after our own arguments.
  if (repo.startsWith('-')) throw new UsageError(`--repo: "${repo}" starts with '-'; use ./${repo} for a path`);
  if (URL_SCHEME.test(repo) || SCP_LIKE.test(repo)) return repo;
  return path.resolve(cwd, repo);
}

/**
 * A repository sub-path as git names it: '/'-separated, no leading or
 * trailing slash, '' for the root; '..' is refused.
 *
 * @example normaliseRepoPath('./deploy/prod/') === 'deploy/prod'
 */
export function normaliseRepoPath(value: string): string {
  const parts = value.split(/[/\\]+/).filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) throw new UsageError(`--path: "${value}" must stay inside the repository (no '..')`);
  return parts.join('/');
}
