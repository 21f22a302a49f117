/**
 * The Controller in memory for tests: manifests as texts (or a real loader),
 * a fake watcher, fake timers, a fake instance layer and fake ports over a
 * real in-memory store.
 */
import path from 'node:path';
import pino from 'pino';
import { Controller } from '../../src/controller/controller.js';
import type { WatchOptions } from '../../src/controller/manifest-watcher.js';
import { desiredStateFrom, loadManifestDir, type ManifestText } from '../../src/manifest/load-manifest-dir.js';
import type { MarkedProcess } from '../../src/process/orphaned-processes.js';
import { buildInstanceEnv } from '../../src/ports/instance-env.js';
import { FakeSupervisor } from '../helpers/fake-supervisor.js';
import { FakePorts } from '../helpers/fake-ports.js';
import { FakeTimers } from '../helpers/fake-timers.js';
import { memoryStore } from '../helpers/memory-store.js';
import type { Store } from '../../src/store/store.js';

export const DIR = '/srv/berth/manifests';
export const app = (name: string, spec: string) => `apiVersion: berth/v1\nkind: App\nmetadata: {name: ${name}}\nspec: {script: node, ${spec}}\n`;

export function setup({ orphans = [] as MarkedProcess[], loadManifests, store = memoryStore() }: { orphans?: MarkedProcess[]; loadManifests?: (dir: string) => ReturnType<typeof loadManifestDir>; store?: Store } = {}) {
  const supervisor = new FakeSupervisor(store);
  const ports = new FakePorts();
  const timers = new FakeTimers();
  const files = new Map<string, string>();
  let watcher: WatchOptions | undefined;
  let shutDown = 0;
  /** While set, the default loader fails as an unreadable manifest directory does. */
  let dirError: Error | undefined;
  const controller = new Controller({
    home: '/srv/berth/home', dir: DIR, store, ports, supervisor, buildEnv: buildInstanceEnv, logger: pino({ level: 'silent' }),
    resyncMs: 30_000, timers, now: () => timers.now,
    watchManifests: (options) => {
      watcher = options;
      return { close: async () => { watcher = undefined; } };
    },
    loadManifests: loadManifests ?? (async () => {
      if (dirError) throw dirError;
      return desiredStateFrom([...files].sort().map(([file, text]): ManifestText => ({ file: path.join(DIR, file), text })));
    }),
    reapOrphans: async () => orphans,
    onShutdown: () => shutDown++,
  });
  /** Writes (or, with undefined, deletes) a manifest and lets the watcher report it. */
  const edit = async (file: string, text: string | undefined) => {
    if (text === undefined) files.delete(file);
    else files.set(file, text);
    watcher!.onChange();
    await controller.settle();
  };
  /** Lets the watcher report a change (the folder vanished, came back...) and waits for the reconciles. */
  const notify = async () => {
    watcher!.onChange();
    await controller.settle();
  };
  const failDir = (err: Error | undefined) => {
    dirError = err;
  };
  return { store, supervisor, ports, timers, files, controller, edit, notify, failDir, watching: () => watcher !== undefined, shutdowns: () => shutDown };
}

