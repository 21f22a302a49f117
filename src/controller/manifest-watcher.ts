/**
 * Watches the manifest directory and reports that desired state may have
 * changed: at once on the first event naming a manifest, then again,
 * debounced, once the events stop. The controller then reloads the whole directory: level-
 * triggered, so a missed or merged event can never leave a stale view.
 *
 * inotify watches an inode, not a name: a folder renamed away, replaced or
 * unmounted leaves chokidar watching nothing. So the folder's identity
 * (device and inode) is checked every second; when it changes (gone, back,
 * another folder now), the watch starts again on what the name now is and a
 * reload is asked for.
 *
 * Symlinks are not followed by chokidar (a link back to a parent would be
 * walked forever: gigabytes of watchers). The loader follows them and
 * detects cycles; the real paths it followed are handed to `follow()` and
 * watched as they are, so an edit in sites-available is seen.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { MANIFEST_FILE } from '../manifest/list-manifest-files.js';

export interface Watcher {
  /** Resolves once the initial scan is done and changes are being reported. */
  ready?: Promise<void>;
  /** Also watches these paths (the real targets of followed symlinks), and stops watching ones not given. */
  follow?(paths: string[]): void;
  close(): Promise<void>;
}

export interface ManifestWatcher extends Watcher {
  ready: Promise<void>;
  follow(paths: string[]): void;
  /** How many folders chokidar watches (bounded, whatever links there are). */
  watchedFolders(): number;
}

export interface WatchOptions {
  dir: string;
  /**
   * Desired state may have changed. `file`: the report made at once names the
   * manifest the inotify event named, when it is in the folder itself (not
   * below it); the report after the quiet time names none.
   */
  onChange: (file?: string) => void;
  /**
   * Quiet time before the second report (default 25 ms); the first comes at
   * once. It merges the events of one write (an atomic rename gives four
   * within a fraction of a millisecond); it is not what keeps a half-written
   * file from deleting apps: a file read empty or gone is held by the vanish
   * grace (1 s), a broken one keeps its apps on their last good spec. At 5 ms
   * the second read of a dropped manifest ran while its process was being
   * spawned, ~1 ms of the controller's time just before the fork (issue 19).
   */
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

/** Dot-files and dot-folders in the folder are editors' and apply's temp files: the rename that follows is what counts. */
export function ignoredBy(dir: string, followed: Set<string>) {
  // chokidar asks for every entry each time the folder changes: 500 files, 500 asks. A path
  // under the folder (the usual one) is looked at as a string, without path.relative.
  const base = path.normalize(dir);
  const under = base.endsWith(path.sep) ? base : `${base}${path.sep}`;
  return (file: string, stats?: { isFile(): boolean }): boolean => {
    if (followed.has(file)) return false;
    let hidden: boolean;
    if (file.startsWith(under)) {
      const rel = file.slice(under.length);
      hidden = rel.startsWith('.') || rel.includes(`${path.sep}.`);
    } else {
      const rel = path.relative(dir, file);
      hidden = rel.startsWith('..') ? path.basename(file).startsWith('.') : rel.split(path.sep).some((part) => part.startsWith('.'));
    }
    return hidden || Boolean(stats?.isFile() && !MANIFEST_FILE.test(file));
  };
}

/** A raw inotify event's name (no folder) that may be a manifest: not a dot-file (temp files of editors and apply). */
function isManifestName(name: string | null | undefined): boolean {
  if (!name) return false;
  const base = path.basename(name);
  return !base.startsWith('.') && MANIFEST_FILE.test(base);
}

export function watchManifestDir({ dir, onChange, debounceMs = 25, onError, identityCheckMs = 1_000 }: WatchOptions): ManifestWatcher {
  const folder = path.resolve(dir);
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const followed = new Set<string>();
  const fire = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      onChange();
    }, debounceMs);
  };
  const fireNowAndAfter = (file: string | undefined) => {
    if (timer === undefined && !closed) onChange(file);
    fire();
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
    const next = watch([dir, ...followed], {
      ignoreInitial: true,
      followSymlinks: false,
      ignored: ignoredBy(dir, followed),
      awaitWriteFinish: false,
    });
    // chokidar reports a new file ~8 ms after inotify (it lists the folder and
    // watches the file first): the first inotify event naming a manifest after
    // a quiet spell reloads at once. chokidar's own event still follows and
    // reloads again after the quiet time, which is what catches writes that
    // came after that first read.
    next.on('raw', (_event: string, name: string | null, details: unknown) => {
      if (!isManifestName(name)) return;
      // An event of the folder's own watch names a file in it; a file's or a subfolder's watch is left to the full read.
      const watched = (details as { watchedPath?: unknown } | undefined)?.watchedPath;
      const inFolder = typeof watched === 'string' && path.resolve(watched) === folder && path.basename(name!) === name;
      fireNowAndAfter(inFolder ? path.join(folder, name!) : undefined);
    });
    next.on('all', (event, file) => {
      fire();
      // chokidar stops watching a folder it saw go; if the name comes back, watch it again
      if (event === 'unlinkDir' && path.resolve(file) === folder) rewatch(true);
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
    follow: (paths) => {
      const next = new Set(paths);
      const added = paths.filter((p) => !followed.has(p));
      const dropped = [...followed].filter((p) => !next.has(p));
      followed.clear();
      for (const p of next) followed.add(p);
      if (added.length) watcher.add(added);
      if (dropped.length) watcher.unwatch(dropped);
    },
    watchedFolders: () => Object.keys(watcher.getWatched()).length,
    close: async () => {
      closed = true;
      clearInterval(check);
      clearTimeout(timer);
      await identity;
      await watcher.close();
    },
  };
}
