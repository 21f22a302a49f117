/**
 * Manifest files are known by their absolute path (keys, `apps.source`), so a
 * controller started from any folder finds the same files; they are shown
 * relative to the current folder.
 *
 * @example displayPath('/srv/berth/manifests/web.yaml', '/srv/berth') === 'manifests/web.yaml'
 */
import path from 'node:path';

export function displayPath(file: string, cwd = process.cwd()): string {
  return path.relative(cwd, file) || file;
}

/** A source position (its file absolute) as messages show it. */
export function displayPosition<T extends { file: string }>(position: T, cwd = process.cwd()): T {
  return { ...position, file: displayPath(position.file, cwd) };
}
