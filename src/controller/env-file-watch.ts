/**
 * Watches every env file the manifests name (DesiredState.files' envFiles,
 * readable or not, so a missing one is seen when it appears), and has the
 * manifests read again when one changes: the values are in the spec hash,
 * so an edited value rolls its app at once instead of at the next resync.
 * One watch for all files, made again only when the set of files changes.
 */
import type { DesiredState } from '../manifest/load-manifest-dir.js';
import { watchEnvFiles } from '../watch/watch-app.js';
import type { FileWatch } from '../watch/watch-files.js';

export type WatchEnvFilesFn = (options: Parameters<typeof watchEnvFiles>[0]) => FileWatch;

export interface EnvFileWatchOptions {
  /** Called (debounced) when a watched env file was added, changed or removed. */
  onChange: () => void;
  onError: (err: unknown) => void;
  /** Default: chokidar through watchEnvFiles; null watches nothing. */
  watchEnvFiles?: WatchEnvFilesFn | null;
}

/** Every env file the desired state's manifests name, sorted. */
export function envFilesOf(state: Pick<DesiredState, 'files'>): string[] {
  return [...new Set([...state.files.values()].flatMap((entry) => entry.envFiles ?? []))].sort();
}

/**
 * @example
 * const envWatch = new EnvFileWatch({ onChange: () => void controller.reloadDesired(), onError });
 * envWatch.update(desiredState); // after every read of the manifests
 */
export class EnvFileWatch {
  private current?: { key: string; watch: FileWatch };
  private closed = false;

  constructor(private readonly opts: EnvFileWatchOptions) {}

  /** Watches exactly the env files `state` names. */
  update(state: Pick<DesiredState, 'files'>): void {
    const watchFn = this.opts.watchEnvFiles === undefined ? watchEnvFiles : this.opts.watchEnvFiles;
    if (this.closed || !watchFn) return;
    const files = envFilesOf(state);
    const key = files.join('\0');
    if (this.current?.key === key) return;
    this.current?.watch.close().catch(this.opts.onError);
    this.current = files.length === 0 ? undefined : { key, watch: watchFn({ files, onChange: () => this.opts.onChange(), onError: this.opts.onError }) };
  }

  async close(): Promise<void> {
    this.closed = true;
    const watch = this.current?.watch;
    this.current = undefined;
    await watch?.close();
  }
}
