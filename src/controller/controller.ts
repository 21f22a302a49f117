/**
 * The controller: keeps the desired state read from the manifest directory,
 * feeds app names to the work queue, and answers the local API. Level-
 * triggered: every trigger (file change, API action, periodic resync) only
 * enqueues names; the reconciler reads the whole truth each time. Its side
 * effects (watcher, timers, clock, manifest loading, orphan reaping) are
 * options that default to the real ones, so it runs in memory in tests.
 */
import path from 'node:path';
import { loadManifestDir, ManifestDirError, reloadOneFile, type DesiredState } from '../manifest/load-manifest-dir.js';
import { ManifestParseCache } from '../manifest/parse-cache.js';
import { WorkQueue } from './work-queue.js';
import { watchManifestDir, type Watcher } from './manifest-watcher.js';
import { changedNames, keepNamesOfBrokenFiles, manifestErrorsFor } from './desired-diff.js';
import { AppReconciler } from './reconcile-app.js';
import { RolloutRequests } from './rollout-requests.js';
import { readInstanceRecords, viewsOf, type InstanceRecords } from './instance-views.js';
import { memoByStoreVersion } from '../store/version-memo.js';
import { appInfo } from './app-info.js';
import { runAppAction } from './app-actions.js';
import type { ActOptions, AppAction, AppInfo, AppsOverview, ControllerApi, ControllerStatus, InstanceView } from '../api/api-types.js';
import { actOnInstance } from './instance-actions.js';
import { BerthError } from '../errors.js';
import { updateReadyCondition } from './ready-condition.js';
import { ReadyBatch } from './ready-batch.js';
import { StoreFaults } from './store-faults.js';
import { reapOrphans } from '../instance/reap-orphans.js';
import type { ReconcileContext } from './reconcile-context.js';
import { DependencyWaits } from './dependency-waits.js';
import { shutdownLayers } from './removal-order.js';
import { AppTriggers } from './app-triggers.js';
import { realTimers, type ControllerOptions, type Timers } from './controller-options.js';

export type { ControllerOptions, Timers } from './controller-options.js';
import { ManifestDirHealth } from './manifest-dir-health.js';
import { VanishGrace } from './vanish-grace.js';
import { ReloadQueue, type ReloadOptions } from './reload-queue.js';

export class Controller implements ControllerApi {
  private desiredState: DesiredState = { resources: new Map(), errors: [], files: new Map() };
  private readonly queue: WorkQueue;
  private readonly ctx: ReconcileContext;
  private readonly reconciler: AppReconciler;
  private readonly waits: DependencyWaits;
  private readonly triggers: AppTriggers;
  private readonly timers: Timers;
  private readonly now: () => number;
  private readonly startedAt: number;
  private readonly ready: ReadyBatch;
  /** Store write failures: reported (log, `berth info`, events), retried, never thrown. */
  readonly storeFaults: StoreFaults;
  private resyncTimer?: unknown;
  private watcher?: Watcher;
  private offInstanceChange?: () => void;
  private readonly reloads = new ReloadQueue((options) => this.loadDesired(options));
  /** Files whose text did not change since the last read are not parsed again (manifest/parse-cache.ts). */
  private readonly parseCache = new ManifestParseCache();
  private closed = false;
  private readonly dirHealth: ManifestDirHealth;
  private readonly vanishGrace = new VanishGrace();
  private recheckTimer?: unknown;
  /** The store's part of `list`: asked every second by the dashboard, `top` and metrics, read again only after a write. */
  private readonly instanceRecords: () => InstanceRecords;

  constructor(private readonly opts: ControllerOptions) {
    this.timers = opts.timers ?? realTimers;
    this.now = opts.now ?? Date.now;
    this.startedAt = this.now();
    this.instanceRecords = memoByStoreVersion(opts.store, () => readInstanceRecords(opts.store));
    this.ctx = {
      store: opts.store,
      ports: opts.ports,
      supervisor: opts.supervisor,
      logger: opts.logger,
      logDir: path.join(opts.home, 'logs'),
      home: opts.home,
      desired: () => this.desiredState,
      buildEnv: opts.buildEnv,
      requests: new RolloutRequests(),
    };
    this.waits = new DependencyWaits(this.ctx, (name) => this.queue.add(name));
    this.reconciler = new AppReconciler(this.ctx, this.waits);
    this.triggers = new AppTriggers({
      ctx: this.ctx, logger: opts.logger, reconcileAndWait: (name) => this.reconcileAndWait(name), reloadDesired: () => this.reloadDesired(),
      cronTimers: opts.timers && { now: this.now, setTimeout: opts.timers.setTimeout, clearTimeout: opts.timers.clearTimeout }, watchApp: opts.watchApp, watchEnvFiles: opts.watchEnvFiles,
    });
    this.dirHealth = new ManifestDirHealth({ store: opts.store, logger: opts.logger, dir: path.resolve(opts.dir) });
    this.storeFaults = new StoreFaults({ store: opts.store, logger: opts.logger, timers: this.timers, now: this.now });
    this.ready = new ReadyBatch({
      timers: this.timers,
      write: (app) => updateReadyCondition(this.opts.store, app, (a, i) => this.opts.supervisor.snapshot(a, i)),
      onError: (err, app) => this.reportError(err, `Ready condition of ${app}`),
    });
    this.queue = new WorkQueue({
      worker: async (name) => {
        const started = performance.now();
        try {
          await this.reconciler.reconcile(name);
        } finally {
          opts.observeReconcile?.((performance.now() - started) / 1000);
        }
        this.markReadyDirty(name);
        this.waits.changed(name);
        this.triggers.reconciled(name);
      },
      onError: (name, err, retryInMs) => {
        this.storeFaults.failed(err, `reconcile of ${name}`);
        opts.logger.warn({ app: name, err: { message: (err as Error).message } }, `reconcile failed; retrying in ${retryInMs} ms`);
      },
    });
  }

  async start(): Promise<void> {
    const { store, logger } = this.opts;
    try {
      store.meta.set('manifest_dir', path.resolve(this.opts.dir));
    } catch (err) {
      this.reportError(err, 'start'); // a full disk must not keep the apps unsupervised
    }
    this.offInstanceChange = this.opts.supervisor.onChange((app) => {
      this.markReadyDirty(app);
      this.waits.changed(app);
    });
    await this.reapOrphans();
    // Watch first and wait until the watch is in place: a file dropped while we read is seen either way.
    const watch = this.opts.watchManifests === undefined ? watchManifestDir : this.opts.watchManifests;
    this.watcher = watch?.({
      dir: this.opts.dir,
      onChange: (file) => void this.reloadDesired(file === undefined ? {} : { only: file }),
      onError: (err) => logger.error({ err }, 'manifest watcher error'),
    });
    await this.watcher?.ready;
    // A directory that cannot be read is an error here, never "no apps": every app would be stopped.
    await this.reloads.request();
    // Apps the store knows but the files no longer declare (deleted while we were down) reconcile too.
    this.enqueueEveryApp();
    this.resyncTimer = this.timers.setInterval(() => void this.resync(), this.opts.resyncMs ?? 30_000);
    logger.info({ dir: this.opts.dir }, `watching ${this.opts.dir}`);
  }

  private async reapOrphans(): Promise<void> {
    const { store, logger, home } = this.opts;
    const reap = this.opts.reapOrphans ?? (() => reapOrphans(store, home));
    for (const orphan of await reap()) {
      const message = `stopped process ${orphan.pid}: started for ${orphan.app ?? '?'}/${orphan.instance ?? '?'} by a controller that died before recording it`;
      logger.warn({ app: orphan.app, instance: orphan.instance }, message);
      if (orphan.app) store.events.record({ app: orphan.app, instance: orphan.instance ?? null, type: 'Warning', reason: 'OrphanStopped', message });
    }
  }

  /**
   * Reads the manifest directory again and enqueues what changed. One reload
   * at a time; calls made while one waits its turn join it (reload-queue.ts).
   * When the directory cannot be read, the last good desired state stays.
   */
  reloadDesired(options: ReloadOptions = {}): Promise<void> {
    return this.reloads.request(options).catch((err: unknown) => {
      const apps = [...this.desiredState.resources.keys()];
      if (err instanceof ManifestDirError) this.dirHealth.failed(err.message, apps);
      else this.opts.logger.error({ err }, 'cannot read the manifest directory');
    });
  }

  private async loadDesired({ graceMs, only }: ReloadOptions = {}): Promise<void> {
    if (this.closed) return;
    const next = await this.readDesired(only);
    this.dirHealth.ok(next.resources.keys());
    this.watcher?.follow?.(next.linkTargets ?? []);
    keepNamesOfBrokenFiles(next, this.desiredState, () => this.opts.store.apps.sources());
    const recheckInMs = this.vanishGrace.carry(this.desiredState, next, this.now(), { graceMs });
    this.timers.clearTimeout(this.recheckTimer);
    // a few ms late rather than early: the grace must have passed when we look again
    if (recheckInMs !== undefined) this.recheckTimer = this.timers.setTimeout(() => void this.reloadDesired(), recheckInMs + 5);
    const changed = changedNames(this.desiredState, next);
    const previousErrors = new Set(this.desiredState.errors.map((e) => e.message));
    for (const err of next.errors) if (!previousErrors.has(err.message)) this.opts.logger.warn({ code: err.code }, err.message);
    // Deleted (not merely broken): a hand-over waiting on its replacement must not hold the removal up.
    const deleted = [...changed].filter((name) => this.desiredState.resources.has(name) && !next.resources.has(name) && manifestErrorsFor(next, name).length === 0);
    for (const name of deleted) void this.opts.supervisor.cancelHandOvers(name);
    this.desiredState = next;
    this.triggers.manifestsRead(next);
    for (const name of changed) this.queue.add(name);
  }

  /** The folder as it is now; with `only`, that file read alone when the last read allows (reloadOneFile). */
  private async readDesired(only: string | undefined): Promise<DesiredState> {
    if (this.opts.loadManifests) return this.opts.loadManifests(this.opts.dir);
    const parseCache = this.parseCache;
    const one = only === undefined ? undefined : await reloadOneFile(only, this.desiredState, { parseCache });
    return one ?? loadManifestDir(this.opts.dir, { parseCache });
  }

  private async resync(): Promise<void> {
    await this.reloadDesired();
    // a resync that was due as shutdown began must not read the store being closed
    if (this.closed) return;
    try {
      this.enqueueEveryApp();
    } catch (err) {
      this.reportError(err, 'resync');
    }
  }

  /** Every app the files declare or the store knows, so deletions are reconciled too. */
  private enqueueEveryApp(): void {
    for (const name of new Set([...this.desiredState.resources.keys(), ...this.opts.store.apps.list().map((a) => a.name)])) this.queue.add(name);
  }

  /** Resolves once every queued reconcile has run (tests, apply --wait). */
  async settle(): Promise<void> {
    await this.reloads.idle();
    await this.queue.drain();
  }

  private markReadyDirty(app: string): void {
    // After shutdown the store is about to close: shutdown writes the last conditions itself.
    if (!this.closed) this.ready.mark(app);
  }

  /** A failure outside any reconcile (instance layer, timers): reported, never thrown. */
  reportError(err: unknown, where: string): void {
    if (!this.storeFaults.failed(err, where)) this.opts.logger.error({ err, where }, `error in ${where}`);
  }

  // ---- ControllerApi ----

  status(): ControllerStatus {
    const warning = this.dirHealth.warning();
    return { pid: process.pid, home: this.opts.home, dir: path.resolve(this.opts.dir), version: this.opts.version ?? '0.0.0', startedAt: this.startedAt, warnings: warning ? [warning] : [] };
  }

  async listInstances(): Promise<InstanceView[]> {
    await this.opts.supervisor.refreshSamples();
    return viewsOf(this.instanceRecords(), (a, i) => this.opts.supervisor.snapshot(a, i), this.now());
  }

  async appInfo(name: string): Promise<AppInfo> {
    await this.opts.supervisor.refreshSamples();
    const info = appInfo(this.opts.store, name, (a, i) => this.opts.supervisor.snapshot(a, i), manifestErrorsFor(this.desiredState, name), this.ctx.logDir, this.now());
    const fault = this.storeFaults.current();
    return fault ? { ...info, storeFault: { message: fault.message, since: fault.since, failures: fault.failures } } : info;
  }

  /** Every error of the manifests on disk now (file:line:col: ...): the dashboard and `berth_manifest_errors`. */
  manifestErrors(): string[] {
    return this.desiredState.errors.map((e) => e.message);
  }

  /** Every app's name, kind, labels and desired state, and every manifest error (`all`, `-l`, list warnings). */
  async listApps(): Promise<AppsOverview> {
    return {
      apps: this.opts.store.apps.list().map((a) => ({ name: a.name, kind: a.kind, labels: a.labels, desiredState: a.desiredState })),
      manifestErrors: this.manifestErrors(),
    };
  }

  act(name: string, action: AppAction, { port, instance }: ActOptions): Promise<{ message: string }> {
    const reconcileAndWait = (app: string) => this.reconcileAndWait(app);
    if (instance !== undefined) return actOnInstance(this.ctx, reconcileAndWait, name, instance, action, { port });
    return runAppAction({ ctx: this.ctx, reconcileAndWait }, name, action, { port });
  }

  private async reconcileAndWait(name: string): Promise<void> {
    this.queue.add(name);
    await this.queue.drain();
    const condition = this.opts.store.apps.get(name)?.conditions.find((c) => c.type === 'PortsAllocated');
    if (condition?.status === 'False') throw new BerthError('PORT_ASSIGNED', condition.message);
  }

  async reconcileNow(name?: string): Promise<void> {
    // Asked for by a berth command that just wrote its files whole: a vanished file is meant.
    await this.reloadDesired({ graceMs: 0 });
    if (name) this.queue.add(name);
    else this.enqueueEveryApp();
    await this.queue.drain();
  }

  /** Stops taking work. With stopApps, stops every process (Ctrl-C, `berth down`); else leaves them running for the next controller. */
  async shutdown({ stopApps }: { stopApps: boolean }): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.timers.clearInterval(this.resyncTimer);
    this.timers.clearTimeout(this.recheckTimer);
    this.ready.stop();
    await this.watcher?.close();
    await this.triggers.close();
    // A reload waiting for a replacement that never gets ready would hold the queue for a minute.
    await this.opts.supervisor.cancelHandOvers();
    await this.queue.shutdown();
    try {
      if (stopApps) {
        this.opts.logger.info('stopping every app');
        await this.opts.supervisor.stopAll(shutdownLayers(this.opts.store));
      } else {
        await this.opts.supervisor.detachAll();
      }
      this.offInstanceChange?.();
      this.ready.writeNow(this.opts.store.apps.list().map((record) => record.name));
    } catch (err) {
      // the processes are stopped (or left running) all the same; the store may be full
      this.reportError(err, 'shutdown');
    }
    this.storeFaults.stop();
    this.opts.onShutdown?.();
  }
}
