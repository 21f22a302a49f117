/**
 * Which changed paths a watched app ignores, as a pure predicate: anything
 * in node_modules or a dot-file or dot-folder (relative to the watched
 * folder), berth's own log files and their rotated copies, and the app's
 * `ignore` globs, read as .gitignore reads them.
 */
import path from 'node:path';
import picomatch from 'picomatch';

export interface WatchFilterOptions {
  /** Absolute watched folders or files. */
  roots: readonly string[];
  /** `watch.ignore` globs: without '/', a file or folder name at any depth; with '/', a path under a root ('/x' anchors x at the root). */
  ignore?: readonly string[];
  /** Absolute paths skipped with everything under them and their rotated copies (FILE.1, FILE.rotating): log files, the log folder. */
  skip?: readonly string[];
}

const ROTATED_SUFFIX = /^\.(\d+|rotating)$/;

function isUnder(file: string, dir: string): boolean {
  return file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}

function isSkipped(file: string, skip: readonly string[]): boolean {
  return skip.some((entry) => isUnder(file, entry) || (file.startsWith(entry) && ROTATED_SUFFIX.test(file.slice(entry.length))));
}

/** A matcher over paths relative to a root; false when there are no globs of that kind. */
function compile(patterns: string[], options: picomatch.PicomatchOptions): (relative: string) => boolean {
  if (patterns.length === 0) return () => false;
  return picomatch(patterns, { dot: true, ...options });
}

/**
 * @returns ignored(absolutePath): true when a change there must not restart the app
 * @example
 * const ignored = createWatchFilter({ roots: ['/srv/web'], ignore: ['*.tmp', '/build'], skip: ['/srv/web/web.log'] });
 * ignored('/srv/web/src/a.js') === false; ignored('/srv/web/node_modules/x/i.js') === true
 * ignored('/srv/web/.git/HEAD') === true; ignored('/srv/web/web.log.1') === true; ignored('/srv/web/build/out.js') === true
 */
export function createWatchFilter({ roots, ignore = [], skip = [] }: WatchFilterOptions): (file: string) => boolean {
  // Innermost root first: a path is judged relative to the closest folder the user named.
  const ordered = [...roots].map((r) => path.resolve(r)).sort((a, b) => b.length - a.length);
  const byName = compile(ignore.filter((g) => !g.replace(/\/+$/, '').includes('/')).map((g) => g.replace(/\/+$/, '')), { basename: true });
  const byPath = compile(ignore.filter((g) => g.replace(/\/+$/, '').includes('/')).map((g) => g.replace(/^\/+/, '').replace(/\/+$/, '')), {});
  return (file: string) => {
    const absolute = path.resolve(file);
    if (isSkipped(absolute, skip)) return true;
    const root = ordered.find((r) => isUnder(absolute, r));
    // Not under a root: a parent chokidar asks about on its way to one.
    if (root === undefined || root === absolute) return false;
    const segments = path.relative(root, absolute).split(path.sep);
    if (segments.some((s) => s === 'node_modules' || s.startsWith('.'))) return true;
    // A folder that matches hides everything in it, as in .gitignore.
    for (let depth = 1; depth <= segments.length; depth++) {
      const relative = segments.slice(0, depth).join('/');
      if (byName(relative) || byPath(relative)) return true;
    }
    return false;
  };
}
