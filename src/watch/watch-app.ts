/**
 * `watch` for one app: its paths watched through the app's filter, and the
 * words of the WatchRestart event. Also the watch on env files, so an edit
 * of one re-reads the manifests (and rolls the app when a value changed).
 */
import path from 'node:path';
import type { LogSpec, WatchSpec } from '../manifest/types.js';
import { createWatchFilter } from './watch-filter.js';
import { watchFiles, type FileWatch, type WatchFilesOptions } from './watch-files.js';

type Hooks = Pick<WatchFilesOptions, 'onChange' | 'onError' | 'timers' | 'createWatcher'>;

/**
 * What an app's watch never reacts to beside node_modules and dot-files:
 * berth's log folder and the app's own log files (wherever logs.out/err put
 * them), so writing a log line never restarts the app that wrote it.
 *
 * @example watchSkips({ logDir: '/home/u/.berth/logs', logs: spec.logs }) // ['/home/u/.berth/logs', '/srv/web/logs/out.log']
 */
export function watchSkips({ logDir, logs }: { logDir: string; logs?: Pick<LogSpec, 'out' | 'err'> }): string[] {
  return [logDir, logs?.out, logs?.err].filter((p): p is string => p !== undefined);
}

/**
 * @example
 * const w = watchApp({ watch: spec.watch, skip: watchSkips({ logDir, logs: spec.logs }),
 *   onChange: (files) => rollingRestart('web', { event: 'WatchRestart', message: describeWatchChange(files, spec.watch.paths) }) });
 * await w.ready; // later: await w.close()
 */
export function watchApp({ watch, skip, ...hooks }: { watch: WatchSpec; skip: readonly string[] } & Hooks): FileWatch {
  const ignored = createWatchFilter({ roots: watch.paths, ignore: watch.ignore, skip });
  return watchFiles({ paths: watch.paths, ignored, debounceMs: watch.debounceMs, ...hooks });
}

/**
 * The WatchRestart message: the changed files relative to the watched folder they are in.
 *
 * @example describeWatchChange(['/srv/web/src/a.js', '/srv/web/b.js'], ['/srv/web']) === 'b.js and 1 more file changed'
 */
export function describeWatchChange(files: readonly string[], roots: readonly string[]): string {
  const shown = (file: string) => {
    const root = [...roots].sort((a, b) => b.length - a.length).find((r) => file === r || file.startsWith(r + path.sep));
    return root === undefined || root === file ? file : path.relative(root, file);
  };
  const names = files.map(shown).sort();
  if (names.length === 0) return 'files changed';
  const more = names.length - 1;
  return more === 0 ? `${names[0]} changed` : `${names[0]} and ${more} more file${more === 1 ? '' : 's'} changed`;
}

/**
 * Watches env files through their folders (so a file that is replaced by
 * rename, deleted or created later is seen), nothing else in them.
 *
 * @example const w = watchEnvFiles({ files: spec.envFile, debounceMs: 100, onChange: () => queue.reloadManifests() });
 */
export function watchEnvFiles({ files, debounceMs = 100, ...hooks }: { files: readonly string[]; debounceMs?: number } & Hooks): FileWatch {
  const wanted = new Set(files.map((f) => path.resolve(f)));
  const folders = new Set([...wanted].map((f) => path.dirname(f)));
  return watchFiles({ paths: [...folders], ignored: (file) => !wanted.has(path.resolve(file)) && !folders.has(path.resolve(file)), debounceMs, ...hooks });
}
