/**
 * Watches the manifest directory and reports, debounced, that desired state
 * may have changed. The controller then reloads the whole directory: level-
 * triggered, so a missed or merged event can never leave a stale view.
 *
 * inotify watches an inode, not a name: a folder renamed away, replaced or
 * unmounted leaves chokidar watching nothing. So the folder's identity
 * (device and inode) is checked every second; when it changes (gone, back,
 * another folder now), the watch starts again on what the name now is and a
 * reload is asked for.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { MANIFEST_FILE } from '../manifest/list-manifest-files.js';

export interface Watcher {
  /** Resolves once the initial scan is done and changes are being reported. */
  ready?: Promise<void>;
  close(): Promise<void>;
}

export interface WatchOptions {
  dir: string;
  onChange: () => void;
  debounceMs?: number;
  onError?: (err: unknown) => void;
  /** How often the folder's identity is checked (default 1 s). */
  identityCheckMs?: number;
}

async function identityOf(dir: string): Promise<string> {
  try {
    const info = await stat(dir);
    return info.isDirectory() ? `${info.dev}:${info.ino}` : 'not a directory';
  } catch (err) {
    return (err as NodeJS.ErrnoException).code ?? 'unreadable';
  }
}

export function watchManifestDir({ dir, onChange, debounceMs = 30, onError, identityCheckMs = 1_000 }: WatchOptions): Watcher {
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const fire = () => {
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  };
  let identity: Promise<string> = identityOf(dir);
  /** Watches what the name is now; `force` also when its identity looks the same (renamed away and back). */
  const rewatch = (force: boolean) => {
    identity = identity.then(async (was) => {
      const now = await identityOf(dir);
      if ((now === was && !force) || closed) return was;
      await watcher.close();
      if (!closed) watcher = start();
      fire();
      return now;
    });
  };
  const start = (): FSWatcher => {
    const next = watch(dir, {
      ignoreInitial: true,
      // dot-files are editors' and apply's temp files: the rename that follows is what counts
      ignored: (file, stats) => /(^|[/\\])\./.test(file.slice(dir.length)) || Boolean(stats?.isFile() && !MANIFEST_FILE.test(file)),
      awaitWriteFinish: false,
    });
    next.on('all', (event, file) => {
      fire();
      // chokidar stops watching a folder it saw go; if the name comes back, watch it again
      if (event === 'unlinkDir' && path.resolve(file) === path.resolve(dir)) rewatch(true);
    });
    next.on('error', (err) => onError?.(err));
    return next;
  };
  let watcher = start();
  const ready = new Promise<void>((resolve) => {
    watcher.once('ready', () => resolve());
    watcher.once('error', () => resolve()); // a watch that cannot start is reported by onError; the resync still runs
  });
  const check = setInterval(() => rewatch(false), identityCheckMs);
  check.unref();
  return {
    ready,
    close: async () => {
      closed = true;
      clearInterval(check);
      clearTimeout(timer);
      await identity;
      await watcher.close();
    },
  };
}
