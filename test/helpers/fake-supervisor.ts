/**
 * An in-memory instance layer for controller tests: records what it was
 * asked (start, adopt, replace, remove) as log lines and keeps a registry
 * of fake handles the way the real Supervisor does, without processes.
 */
import type { ConfigFor, InstanceConfig, InstanceSnapshot, ListenSocketState, ReplaceOptions, RunningInstance, SupervisorDep } from '../../src/controller/controller-deps.js';
import type { AdoptedProcess } from '../../src/instance/types.js';
import type { InstanceRecord } from '../../src/store/instances-table.js';
import type { Store } from '../../src/store/store.js';

export class FakeHandle {
  status: InstanceSnapshot['status'] = 'online';
  stopped = false;
  restarts = 0;
  constructor(readonly key: string, readonly config: InstanceConfig, readonly pid: number, readonly adopt?: AdoptedProcess) {}
  snapshot(): InstanceSnapshot {
    return { status: this.status, pid: this.stopped ? null : this.pid, restarts: this.restarts, startedAt: 0, ready: this.status === 'online', lastExitCode: null, lastExitSignal: null, lastError: null };
  }
  stop(): void {
    this.stopped = true;
    this.status = 'stopped';
  }
}

const portOf = (config: InstanceConfig) => config.ports.port ?? config.ports.tcp[0] ?? '-';

export class FakeSupervisor implements SupervisorDep {
  nextPid = 1000;
  log: string[] = [];
  handles: FakeHandle[] = [];
  /** Replacements of these (app/index) never become ready. */
  neverReady = new Set<string>();
  /** New processes of these apps start with this status instead of online (then: setStatus). */
  startStatus = new Map<string, InstanceSnapshot['status']>();
  private readonly registry = new Map<string, FakeHandle>();
  private readonly listeners = new Set<(app: string) => void>();

  /** With a store, rows are kept as the real Supervisor keeps them (pending, online, deleted). */
  constructor(private readonly store?: Store) {}

  get(app: string, index: number): FakeHandle | undefined {
    return this.registry.get(`${app}/${index}`);
  }

  actual(app: string): RunningInstance[] {
    return [...this.registry.values()]
      .filter((h) => h.config.app === app)
      .map((h) => ({ index: h.config.index, specHash: h.config.specHash, ports: h.config.ports, active: !h.stopped && h.status !== 'errored' }));
  }

  snapshot(app: string, index: number): InstanceSnapshot | undefined {
    return this.get(app, index)?.snapshot();
  }

  /** Counts the asks: a fake's snapshots have no samples to refresh. */
  sampleRefreshes = 0;
  async refreshSamples(): Promise<void> {
    this.sampleRefreshes++;
  }

  async listenSockets(): Promise<ListenSocketState[]> {
    return [];
  }

  onChange(listener: (app: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  declare(app: string, count: number, specHash: string): void {
    for (let index = 0; index < count; index++) {
      if (!this.store?.instances.get(app, index)) this.store?.instances.upsert(app, index, { specHash, status: 'pending' });
    }
  }

  adoptRecorded(app: string, configFor: ConfigFor): number[] {
    const rows: InstanceRecord[] = this.store?.instances.list(app) ?? [];
    const adopted: number[] = [];
    for (const row of rows) {
      if (this.get(app, row.index) || row.pid === null || row.startTime === null) continue;
      this.launch(configFor(row.index, row.specHash), 'adopt', { pid: row.pid, startTime: row.startTime, startedAt: row.startedAt, restarts: row.restarts });
      adopted.push(row.index);
    }
    return adopted;
  }

  start(config: InstanceConfig): FakeHandle {
    return this.launch(config, 'start');
  }

  async replace(config: InstanceConfig, { order }: ReplaceOptions): Promise<void> {
    const old = this.get(config.app, config.index);
    if (order === 'StopFirst' || !old || old.stopped) {
      old?.stop();
      this.start(config);
      return;
    }
    const key = `${config.app}/${config.index}`;
    const next = new FakeHandle(`${key}#1`, config, this.nextPid++);
    this.log.push(`replace ${key} port=${portOf(config)}`);
    this.handles.push(next);
    if (this.neverReady.has(key)) {
      next.stop();
      throw new Error(`replacement for instance ${config.index} did not become ready`);
    }
    old.stop();
    this.registry.set(key, next);
    this.record(next);
  }

  restart(app: string, index: number): void {
    const handle = this.get(app, index);
    if (handle) handle.restarts++;
    this.log.push(`restart ${app}/${index}`);
  }

  async halt(app: string, index: number): Promise<void> {
    this.get(app, index)?.stop();
    this.store?.instances.update(app, index, { status: 'stopped', pid: null, startTime: null });
  }

  async remove(app: string, index: number): Promise<void> {
    this.log.push(`remove ${app}/${index}`);
    for (const h of this.handles) if (h.key.startsWith(`${app}/${index}`)) h.stop();
    this.registry.delete(`${app}/${index}`);
    this.store?.instances.delete(app, index);
  }

  async removeApp(app: string, configFor?: ConfigFor): Promise<void> {
    if (configFor) this.adoptRecorded(app, configFor);
    for (const handle of [...this.registry.values()]) if (handle.config.app === app) await this.remove(app, handle.config.index);
    this.store?.instances.delete(app);
  }

  prune(app: string, count: number): void {
    for (const row of this.store?.instances.list(app) ?? []) if (row.index >= count && !this.get(app, row.index)) this.store!.instances.delete(app, row.index);
  }

  /** What cancelHandOvers was asked for: an app's name, or 'all'. */
  cancelled: string[] = [];

  async cancelHandOvers(app?: string): Promise<void> {
    this.cancelled.push(app ?? 'all');
  }

  async stopAll(layers: readonly (readonly string[])[] = []): Promise<void> {
    const handles = [...this.registry.values()];
    const rank = (h: FakeHandle) => {
      const i = layers.findIndex((layer) => layer.includes(h.config.app));
      return i === -1 ? layers.length : i;
    };
    for (const handle of handles.sort((a, b) => rank(a) - rank(b))) {
      if (!handle.stopped) this.log.push(`stop ${handle.key}`);
      handle.stop();
    }
  }

  /** The instance's process changes status (gets ready, crashes): row written, listeners told. */
  setStatus(app: string, index: number, status: InstanceSnapshot['status']): void {
    const handle = this.get(app, index)!;
    handle.status = status;
    this.record(handle);
  }

  async detachAll(): Promise<void> {
    this.registry.clear();
  }

  private launch(config: InstanceConfig, verb: 'start' | 'adopt', adopt?: AdoptedProcess): FakeHandle {
    const key = `${config.app}/${config.index}`;
    const handle = new FakeHandle(key, config, adopt?.pid ?? this.nextPid++, adopt);
    handle.status = this.startStatus.get(config.app) ?? 'online';
    this.log.push(`${verb} ${key} port=${portOf(config)}`);
    this.handles.push(handle);
    this.registry.set(key, handle);
    this.record(handle);
    return handle;
  }

  private record(handle: FakeHandle): void {
    const { app, index, specHash } = handle.config;
    this.store?.instances.upsert(app, index, { specHash, status: handle.status, pid: handle.pid, startTime: handle.adopt?.startTime ?? String(handle.pid) });
    for (const listener of this.listeners) listener(app);
  }
}
