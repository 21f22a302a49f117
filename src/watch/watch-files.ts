/**
 * A debounced watch over folders or files: chokidar (inotify on Linux, no
 * polling, so an idle watch costs no CPU) with a path filter, calling back
 * with the files that changed once they are quiet. chokidar shares one OS
 * watch per path between all its watchers in a process, so an app's watch
 * over the same folders as the manifest watcher adds no kernel watches.
 *
 * chokidar does not see a path that does not exist yet appear; so a missing
 * path is watched through its nearest existing folder, of which only the
 * way down to the path is looked at, and added to the watch once a folder
 * on that way appears (chokidar can miss a folder made in the same instant
 * as its parent; adding it again when the parent shows up closes that gap,
 * though what is written in that first instant may go unseen).
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { watch as chokidarWatch, type ChokidarOptions, type FSWatcher } from 'chokidar';
import { createChangeDebouncer, type DebounceTimers } from './change-debouncer.js';

export interface FileWatch {
  /** Resolves once the initial scan is done: changes from then on are seen. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface WatchFilesOptions {
  /** Absolute folders (watched recursively) or files; they need not exist yet. */
  paths: readonly string[];
  /** true: changes at this path are not reported (and a folder is not descended into). */
  ignored: (file: string) => boolean;
  debounceMs: number;
  /** The changed files (sorted, absolute) after a quiet period. */
  onChange: (files: string[]) => void;
  onError?: (err: unknown) => void;
  /** Which events count: default files added, changed or removed (an empty new folder restarts nothing). */
  events?: readonly string[];
  timers?: DebounceTimers;
  /** chokidar's watch(), replaceable in tests. */
  createWatcher?: (paths: string[], options: ChokidarOptions) => FSWatcher;
}

const FILE_EVENTS = ['add', 'change', 'unlink'];
/** How long after a folder on the way to a missing path appears that the path is looked for. */
const RECHECK_MS = 200;

const isUnder = (file: string, dir: string) => file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);

/** Whether chokidar already watches `file` (a folder it reads, or an entry of one). */
function isWatched(watcher: FSWatcher, file: string): boolean {
  const watched = watcher.getWatched();
  return file in watched || (watched[path.dirname(file)]?.includes(path.basename(file)) ?? false);
}

/** For each path, itself or the nearest folder above it that exists (async: a user-named path never blocks the loop). */
async function existingTargets(paths: readonly string[]): Promise<string[]> {
  const targets: string[] = [];
  for (const wanted of paths) {
    let at = path.resolve(wanted);
    while (!(await stat(at).then(() => true, () => false)) && path.dirname(at) !== at) at = path.dirname(at);
    targets.push(at);
  }
  return targets;
}

/**
 * @example
 * const w = watchFiles({ paths: ['/srv/web'], ignored: createWatchFilter({ roots: ['/srv/web'] }), debounceMs: 500, onChange: (files) => restart(files) });
 * await w.ready; ... await w.close();
 */
export function watchFiles({ paths, ignored, debounceMs, onChange, onError, events = FILE_EVENTS, timers, createWatcher = chokidarWatch }: WatchFilesOptions): FileWatch {
  if (paths.length === 0) return { ready: Promise.resolve(), close: async () => {} };
  const roots = paths.map((p) => path.resolve(p));
  // Outside the roots only the folders on the way down to one are looked at.
  const outside = (file: string) => !roots.some((root) => isUnder(file, root) || isUnder(root, file));
  const skip = (file: string) => outside(path.resolve(file)) || ignored(file);
  const debouncer = createChangeDebouncer({ delayMs: debounceMs, onFlush: onChange, timers });
  let watcher: FSWatcher | undefined;
  let closed = false;
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  // Roots not there yet, and the folder each is watched through for now.
  let missing = new Map<string, string>();
  let recheck: NodeJS.Timeout | undefined;
  const watchAppeared = async () => {
    const targets = await existingTargets([...missing.keys()]);
    const now = new Map([...missing.keys()].map((root, i) => [root, targets[i]!]));
    for (const [root, target] of now) if (target !== missing.get(root) && !closed && watcher && !isWatched(watcher, target)) watcher.add(target);
    missing = new Map([...now].filter(([root, target]) => root !== target));
  };
  // After chokidar had its own go at the new folder: adding what it already watches would hide the first changes.
  const recheckSoon = () => {
    clearTimeout(recheck);
    recheck = setTimeout(() => void watchAppeared().catch((err: unknown) => onError?.(err)), RECHECK_MS).unref();
  };
  const started = existingTargets(roots).then((targets) => {
    if (closed) return;
    missing = new Map(roots.map((root, i) => [root, targets[i]!] as const).filter(([root, target]) => root !== target));
    watcher = createWatcher([...new Set(targets)], { ignoreInitial: true, ignored: (file) => skip(file), awaitWriteFinish: false });
    watcher.once('ready', () => markReady());
    watcher.on('all', (event, file) => {
      if (event === 'addDir' && [...missing.keys()].some((root) => isUnder(root, path.resolve(file)))) recheckSoon();
      if (events.includes(event) && !skip(file)) debouncer.add(file);
    });
    watcher.on('error', (err) => onError?.(err));
  });
  return {
    ready,
    close: async () => {
      closed = true;
      clearTimeout(recheck);
      debouncer.cancel();
      await started;
      await watcher?.close();
      markReady();
    },
  };
}
