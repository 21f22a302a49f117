/**
 * The Controller in memory: manifests as texts, a fake manifest watcher,
 * fake app and env-file watches, fake timers (which also drive cronRestart),
 * a fake instance layer and fake ports over a real in-memory store.
 */
import path from 'node:path';
import pino from 'pino';
import { Controller } from '../../src/controller/controller.js';
import type { WatchOptions } from '../../src/controller/manifest-watcher.js';
import { desiredStateFrom, type loadManifestDir, type ManifestText } from '../../src/manifest/load-manifest-dir.js';
import type { MarkedProcess } from '../../src/process/marked-processes.js';
import { buildInstanceEnv } from '../../src/ports/instance-env.js';
import type { WatchSpec } from '../../src/manifest/types.js';
import { FakeSupervisor } from './fake-supervisor.js';
import { FakePorts } from './fake-ports.js';
import { FakeTimers } from './fake-timers.js';
import { memoryStore } from './memory-store.js';
import type { Store } from '../../src/store/store.js';

export const DIR = '/srv/berth/manifests';
export const HOME = '/srv/berth/home';

/** One App document; `spec` is the inside of a flow mapping after `script: node`. */
export const app = (name: string, spec: string) => `apiVersion: berth/v1\nkind: App\nmetadata: {name: ${name}}\nspec: {script: node, ${spec}}\n`;

/** A watch the controller opened: what it watches, its callback, whether it was closed. */
export interface FakeWatch<T> {
  options: T;
  closed: boolean;
}

type AppWatchOptions = { watch: WatchSpec; skip: readonly string[]; onChange: (files: string[]) => void };
type EnvWatchOptions = { files: readonly string[]; onChange: (files: string[]) => void };

/**
 * `folder`: a real manifest folder, read by the controller's own loader (the watcher stays fake);
 * by default the manifests are the texts in `files`.
 */
export function controllerHarness({ orphans = [] as MarkedProcess[], loadManifests, store = memoryStore(), start = 0, folder }: { orphans?: MarkedProcess[]; loadManifests?: (dir: string) => ReturnType<typeof loadManifestDir>; store?: Store; start?: number; folder?: string } = {}) {
  const supervisor = new FakeSupervisor(store);
  const ports = new FakePorts();
  const timers = new FakeTimers(start);
  const files = new Map<string, string>();
  /** Env files by absolute path: what the loader reads for envFile. */
  const envFiles = new Map<string, string>();
  const readEnvFile = async (file: string) => {
    const text = envFiles.get(file);
    if (text === undefined) throw new Error('ENOENT');
    return text;
  };
  const appWatches: FakeWatch<AppWatchOptions>[] = [];
  const envWatches: FakeWatch<EnvWatchOptions>[] = [];
  const fakeWatch = <T>(list: FakeWatch<T>[]) => (options: T) => {
    const watch = { options, closed: false };
    list.push(watch);
    return { ready: Promise.resolve(), close: async () => { watch.closed = true; } };
  };
  let watcher: WatchOptions | undefined;
  let shutDown = 0;
  /** While set, the default loader fails as an unreadable manifest directory does. */
  let dirError: Error | undefined;
  const controller = new Controller({
    home: HOME, dir: folder ?? DIR, store, ports, supervisor, buildEnv: buildInstanceEnv, logger: pino({ level: 'silent' }),
    resyncMs: 30_000, timers, now: timers.now,
    watchManifests: (options) => {
      watcher = options;
      return { close: async () => { watcher = undefined; } };
    },
    loadManifests: folder !== undefined ? undefined : loadManifests ?? (async () => {
      if (dirError) throw dirError;
      return desiredStateFrom([...files].sort().map(([file, text]): ManifestText => ({ file: path.join(DIR, file), text })), { readEnvFile });
    }),
    reapOrphans: async () => orphans,
    onShutdown: () => shutDown++,
    watchApp: fakeWatch(appWatches),
    watchEnvFiles: fakeWatch(envWatches),
  });
  /** Writes (or, with undefined, deletes) a manifest and lets the watcher report it. */
  const edit = async (file: string, text: string | undefined) => {
    if (text === undefined) files.delete(file);
    else files.set(file, text);
    watcher!.onChange();
    await controller.settle();
  };
  /** Lets the watcher report a change (the folder vanished, came back...; `file` as its first report names one) and waits for the reconciles. */
  const notify = async (file?: string) => {
    watcher!.onChange(file);
    await controller.settle();
  };
  const failDir = (err: Error | undefined) => {
    dirError = err;
  };
  /** The open watches (closed ones left out). */
  const open = <T>(list: FakeWatch<T>[]) => list.filter((w) => !w.closed);
  return {
    store, supervisor, ports, timers, files, envFiles, controller, edit, notify, failDir,
    watching: () => watcher !== undefined,
    shutdowns: () => shutDown,
    appWatches: () => open(appWatches),
    envWatches: () => open(envWatches),
  };
}
