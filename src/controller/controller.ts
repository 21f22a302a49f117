/**
 * The controller: watches the manifest directory, keeps the desired state,
 * feeds app names to the work queue, and answers the local API. Level-
 * triggered: every trigger (file change, API action, periodic resync)
 * only enqueues names; the reconciler reads the whole truth each time.
 */
import path from 'node:path';
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import { loadManifestDir, type DesiredState } from '../manifest/load-manifest-dir.js';
import { WorkQueue } from './work-queue.js';
import { watchManifestDir, type Watcher } from './manifest-watcher.js';
import { changedNames, keepNamesOfBrokenFiles, manifestErrorsFor } from './desired-diff.js';
import { AppReconciler, type BuildEnv } from './app-reconciler.js';
import { RuntimeInstances } from './runtime-instances.js';
import type { PortsDep, SupervisorDep } from './controller-deps.js';
import { appInfo, instanceViews } from './status-views.js';
import type { AppAction, AppInfo, ControllerApi, ControllerStatus, InstanceView } from '../api/api-types.js';
import { BerthError } from '../errors.js';
import { updateReadyCondition } from './ready-condition.js';
import { stopOrphanedProcesses } from '../process/orphaned-processes.js';

export interface ControllerOptions {
  home: string;
  dir: string;
  store: Store;
  ports: PortsDep;
  supervisor: SupervisorDep;
  buildEnv: BuildEnv;
  logger: Logger;
  version?: string;
  resyncMs?: number;
  watch?: boolean;
  /** Stop processes of this home the store does not record (default true). */
  reapOrphans?: boolean;
  /** Called after shutdown({stopApps}) finished; the CLI exits the process. */
  onShutdown?: () => void;
  /** Told how long each reconcile of one app took, in seconds (the dashboard's histogram; unset when it is off). */
  observeReconcile?: (seconds: number) => void;
}

export class Controller implements ControllerApi {
  private desiredState: DesiredState = { resources: new Map(), errors: [], files: new Map() };
  private readonly runtime = new RuntimeInstances();
  private readonly queue: WorkQueue;
  private readonly reconciler: AppReconciler;
  private watcher?: Watcher;
  private resyncTimer?: NodeJS.Timeout;
  private readonly startedAt = Date.now();
  private readonly readyDirty = new Set<string>();
  private readyTimer?: NodeJS.Timeout;
  private loading: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly opts: ControllerOptions) {
    this.queue = new WorkQueue({
      worker: async (name) => {
        const started = performance.now();
        try {
          await this.reconciler.reconcile(name);
        } finally {
          opts.observeReconcile?.((performance.now() - started) / 1000);
        }
      },
      onError: (name, err, retryInMs) => opts.logger.warn({ app: name, err: { message: (err as Error).message } }, `reconcile failed; retrying in ${retryInMs} ms`),
    });
    this.reconciler = new AppReconciler({
      store: opts.store,
      ports: opts.ports,
      supervisor: opts.supervisor,
      runtime: this.runtime,
      logger: opts.logger,
      logDir: path.join(opts.home, 'logs'),
      home: opts.home,
      desired: () => this.desiredState,
      buildEnv: opts.buildEnv,
      onInstanceChange: (app) => this.markReadyDirty(app),
    });
  }

  async start(): Promise<void> {
    this.opts.store.meta.set('manifest_dir', path.resolve(this.opts.dir));
    if (this.opts.reapOrphans !== false) {
      const orphans = await stopOrphanedProcesses(this.opts.home, this.opts.store.instances.list());
      for (const orphan of orphans) {
        const message = `stopped process ${orphan.pid}: started for ${orphan.app ?? '?'}/${orphan.instance ?? '?'} by a controller that died before recording it`;
        this.opts.logger.warn({ app: orphan.app, instance: orphan.instance }, message);
        if (orphan.app) this.opts.store.events.record({ app: orphan.app, instance: orphan.instance ?? null, type: 'Warning', reason: 'OrphanStopped', message });
      }
    }
    await this.reloadDesired();
    // Apps the store knows but the files no longer declare (deleted while we were down) reconcile too.
    this.enqueueEveryApp();
    if (this.opts.watch !== false) {
      this.watcher = watchManifestDir({
        dir: this.opts.dir,
        onChange: () => void this.reloadDesired(),
        onError: (err) => this.opts.logger.error({ err }, 'manifest watcher error'),
      });
    }
    const resyncMs = this.opts.resyncMs ?? 30_000;
    this.resyncTimer = setInterval(() => void this.resync(), resyncMs);
    this.resyncTimer.unref();
    this.opts.logger.info({ dir: this.opts.dir }, `watching ${this.opts.dir}`);
  }

  /** Reads the manifest directory again and enqueues what changed. Serialised. */
  reloadDesired(): Promise<void> {
    this.loading = this.loading.then(async () => {
      if (this.closed) return;
      const next = await loadManifestDir(this.opts.dir);
      keepNamesOfBrokenFiles(next, this.desiredState, this.opts.store.apps.list().map((a) => ({ name: a.name, source: a.source })));
      const changed = changedNames(this.desiredState, next);
      const previousErrors = new Set(this.desiredState.errors.map((e) => e.message));
      for (const err of next.errors) if (!previousErrors.has(err.message)) this.opts.logger.warn({ code: err.code }, err.message);
      this.desiredState = next;
      for (const name of changed) this.queue.add(name);
    }).catch((err: unknown) => this.opts.logger.error({ err }, 'cannot read the manifest directory'));
    return this.loading;
  }

  private async resync(): Promise<void> {
    await this.reloadDesired();
    this.enqueueEveryApp();
  }

  /** Every app the files declare or the store knows, so deletions are reconciled too. */
  private enqueueEveryApp(): void {
    for (const name of new Set([...this.desiredState.resources.keys(), ...this.opts.store.apps.list().map((a) => a.name)])) this.queue.add(name);
  }

  /** Resolves once every queued reconcile has run (tests, apply --wait). */
  async settle(): Promise<void> {
    await this.loading;
    await this.queue.drain();
  }

  private markReadyDirty(app: string): void {
    // After shutdown the store is about to close: shutdown writes the last conditions itself.
    if (this.closed) return;
    this.readyDirty.add(app);
    if (this.readyTimer) return;
    // Batch status changes of many instances into one store write per app.
    this.readyTimer = setTimeout(() => {
      this.readyTimer = undefined;
      for (const name of this.readyDirty) updateReadyCondition(this.opts.store, name, (a, i) => this.runtime.get(a, i)?.handle.snapshot());
      this.readyDirty.clear();
    }, 50);
  }

  // ---- ControllerApi ----

  status(): ControllerStatus {
    return { pid: process.pid, home: this.opts.home, dir: path.resolve(this.opts.dir), version: this.opts.version ?? '0.0.0', startedAt: this.startedAt };
  }

  async listInstances(): Promise<InstanceView[]> {
    return instanceViews(this.opts.store, (a, i) => this.runtime.get(a, i)?.handle.snapshot());
  }

  async appInfo(name: string): Promise<AppInfo> {
    return appInfo(this.opts.store, name, (a, i) => this.runtime.get(a, i)?.handle.snapshot(), manifestErrorsFor(this.desiredState, name));
  }

  /** Every error of the manifests on disk now (file:line:col: ...): the dashboard and `berth_manifest_errors`. */
  manifestErrors(): string[] {
    return this.desiredState.errors.map((e) => e.message);
  }

  async act(name: string, action: AppAction, { port }: { port?: string }): Promise<{ message: string }> {
    const resource = this.reconciler.desiredApp(name);
    if (!this.opts.store.apps.get(name)) throw new BerthError('NOT_FOUND', `app "${name}" is not reconciled yet`);
    switch (action) {
      case 'stop':
        this.opts.store.apps.setDesiredState(name, 'stopped');
        this.reconciler.event(name, null, 'Normal', 'Stopped', 'stopped by `berth stop`');
        await this.reconcileAndWait(name);
        return { message: `app/${name} stopped` };
      case 'start':
        this.opts.store.apps.setDesiredState(name, 'running');
        this.reconciler.event(name, null, 'Normal', 'Started', 'started by `berth start`');
        await this.reconcileAndWait(name);
        return { message: `app/${name} started` };
      case 'restart':
      case 'reload': {
        this.opts.store.apps.setDesiredState(name, 'running');
        await this.reconciler.setOverride(resource, port);
        if (action === 'reload') this.reconciler.markForReplace(name);
        else if (port === undefined) this.reconciler.restartAll(name);
        this.reconciler.event(name, null, 'Normal', action === 'reload' ? 'Reloaded' : 'Restarted', `${action}${port ? ` on port ${port}` : ''} requested`);
        await this.reconcileAndWait(name);
        return { message: `app/${name} ${action === 'reload' ? 'reloaded' : 'restarted'}` };
      }
    }
  }

  private async reconcileAndWait(name: string): Promise<void> {
    this.queue.add(name);
    await this.queue.drain();
    const condition = this.opts.store.apps.get(name)?.conditions.find((c) => c.type === 'PortsAllocated');
    if (condition?.status === 'False') throw new BerthError('PORT_ASSIGNED', condition.message);
  }

  async reconcileNow(name?: string): Promise<void> {
    await this.reloadDesired();
    if (name) this.queue.add(name);
    else this.enqueueEveryApp();
    await this.queue.drain();
  }

  /** Stops taking work. With stopApps, stops every process (Ctrl-C, `berth down`); else leaves them running for the next controller. */
  async shutdown({ stopApps }: { stopApps: boolean }): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.resyncTimer);
    clearTimeout(this.readyTimer);
    await this.watcher?.close();
    await this.queue.shutdown();
    if (stopApps) {
      this.opts.logger.info('stopping every app');
      await this.opts.supervisor.stopAll();
      for (const row of this.opts.store.instances.list()) {
        if (row.pid !== null) this.opts.store.instances.update(row.app, row.index, { status: 'stopped', pid: null, startTime: null });
      }
    } else {
      this.opts.supervisor.detachAll();
    }
    for (const instance of this.runtime.all()) instance.unsubscribe();
    clearTimeout(this.readyTimer);
    for (const record of this.opts.store.apps.list()) {
      updateReadyCondition(this.opts.store, record.name, (a, i) => this.runtime.get(a, i)?.handle.snapshot());
    }
    this.opts.onShutdown?.();
  }
}
