/**
 * Names a sync source. The name becomes a folder (`<home>/sync/<name>/`,
 * `<dir>/sync-<name>/`), so it is a DNS-1123 label like app names: nothing in
 * it can climb out of home or the watched directory.
 */
import { UsageError } from '../errors.js';

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * The repository's base name without `.git`, lower-cased, every other
 * character run turned into '-', at most 63 characters.
 *
 * @example deriveSourceName('https://github.com/acme/Web_Apps.git') === 'web-apps'
 */
export function deriveSourceName(repo: string): string {
  const base = repo.replace(/[/\\]+$/, '').split(/[/\\:]/).pop() ?? '';
  const name = base
    .replace(/\.git$/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 63)
    .replace(/^-+|-+$/g, '');
  return name || 'repo';
}

/** @example validateSourceName('infra') === 'infra'; validateSourceName('../x') throws */
export function validateSourceName(name: string): string {
  if (name.length > 63 || !DNS_1123_LABEL.test(name)) {
    throw new UsageError(`--name: "${name}" is not a valid name (lower-case letters, digits and '-', at most 63, starting and ending alphanumeric)`);
  }
  return name;
}
