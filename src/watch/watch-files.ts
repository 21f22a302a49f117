/**
 * A debounced watch over folders or files: chokidar (inotify on Linux, no
 * polling, so an idle watch costs no CPU) with a path filter, calling back
 * with the files that changed once they are quiet. chokidar shares one OS
 * watch per path between all its watchers in a process, so an app's watch
 * over the same folders as the manifest watcher adds no kernel watches.
 */
import { watch as chokidarWatch, type ChokidarOptions, type FSWatcher } from 'chokidar';
import { createChangeDebouncer, type DebounceTimers } from './change-debouncer.js';

export interface FileWatch {
  /** Resolves once the initial scan is done: changes from then on are seen. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export interface WatchFilesOptions {
  /** Absolute folders (watched recursively) or files. */
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

/**
 * @example
 * const w = watchFiles({ paths: ['/srv/web'], ignored: createWatchFilter({ roots: ['/srv/web'] }), debounceMs: 500, onChange: (files) => restart(files) });
 * await w.ready; ... await w.close();
 */
export function watchFiles({ paths, ignored, debounceMs, onChange, onError, events = FILE_EVENTS, timers, createWatcher = chokidarWatch }: WatchFilesOptions): FileWatch {
  if (paths.length === 0) return { ready: Promise.resolve(), close: async () => {} };
  const debouncer = createChangeDebouncer({ delayMs: debounceMs, onFlush: onChange, timers });
  const watcher = createWatcher([...paths], { ignoreInitial: true, ignored: (file) => ignored(file), awaitWriteFinish: false });
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  watcher.once('ready', () => markReady());
  watcher.on('all', (event, file) => {
    if (events.includes(event) && !ignored(file)) debouncer.add(file);
  });
  watcher.on('error', (err) => onError?.(err));
  return {
    ready,
    close: async () => {
      debouncer.cancel();
      await watcher.close();
      markReady();
    },
  };
}
