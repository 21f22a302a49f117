/**
 * Watches the manifest directory and reports, debounced, that desired state
 * may have changed. The controller then reloads the whole directory: level-
 * triggered, so a missed or merged event can never leave a stale view.
 */
import { watch, type FSWatcher } from 'chokidar';
import { MANIFEST_FILE } from '../manifest/load-manifest-dir.js';

export interface Watcher {
  close(): Promise<void>;
}

export interface WatchOptions {
  dir: string;
  onChange: () => void;
  debounceMs?: number;
  onError?: (err: unknown) => void;
}

export function watchManifestDir({ dir, onChange, debounceMs = 30, onError }: WatchOptions): Watcher {
  let timer: NodeJS.Timeout | undefined;
  const fire = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  const watcher: FSWatcher = watch(dir, {
    ignoreInitial: true,
    // dot-files are editors' and apply's temp files: the rename that follows is what counts
    ignored: (file, stats) => /(^|[/\\])\./.test(file.slice(dir.length)) || Boolean(stats?.isFile() && !MANIFEST_FILE.test(file)),
    awaitWriteFinish: false,
  });
  watcher.on('all', fire);
  watcher.on('error', (err) => onError?.(err));
  return {
    close: async () => {
      clearTimeout(timer);
      await watcher.close();
    },
  };
}
