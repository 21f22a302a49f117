/**
 * The Supervisor: the instance layer's one entry point. It owns every
 * running instance (one XState actor per process, in one registry), their
 * hand-over on reload, the shared batched sweep, and every write of an
 * instance row. The controller only says which (app, index) should run which
 * config, and asks (docs/ARCHITECTURE.md, "instance").
 */
import { createActor } from 'xstate';
import { BerthError } from '../errors.js';
import { realProcessRunner } from '../process/real-process-runner.js';
import { Sweeper } from '../process/sweep.js';
import { instanceMachine } from './instance-machine.js';
import { createProcessActors } from './process-actors.js';
import { InstanceHandle, statusOf } from './instance-handle.js';
import { InstanceRegistry, isEnded } from './instance-registry.js';
import { InstanceRows, type InstanceStore } from './instance-rows.js';
import { SpawnRecords } from './spawn-records.js';
import { markerHome } from '../process/spawn-marker.js';
import path from 'node:path';
import { LogFiles } from './log-files.js';
import { LogOwnership } from './log-ownership.js';
import { RowWriter } from './row-writer.js';
import { InFlight } from '../util/in-flight.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { handOver, type ReplaceOptions } from './hand-over.js';
import { SocketRegistry, type ListenSocketState } from './socket-registry.js';
import { pidsOf, socketPortsOf } from './socket-use.js';
import type { AdoptedProcess, InstanceConfig, InstanceEvent, InstanceSnapshot, RunningInstance, StartOptions } from './types.js';
import type { Clock, SupervisorOptions } from './supervisor-options.js';

/** How long detachAll waits for spawns under way to settle. */
const DETACH_WAIT_MS = 5_000;

export type { InstanceStore };
export type { Clock, SupervisorOptions } from './supervisor-options.js';

/**
 * @example
 * const supervisor = new Supervisor({ store, home });
 * supervisor.start(config);
 * await supervisor.get(config.app, config.index)!.waitReady();
 */
export class Supervisor {
  readonly sweeper: Sweeper;
  readonly sockets: SocketRegistry;
  private readonly rows: InstanceRows;
  private readonly spawns: SpawnRecords;
  private readonly registry = new InstanceRegistry({ onTakeOver: (handle) => this.persistSnapshot(handle, true) });
  private readonly machine;
  private readonly clock: Clock | undefined;
  private readonly now: () => number;
  private readonly onError: (err: unknown, where: { key?: string }) => void;
  private readonly writer: RowWriter;
  private readonly changeListeners = new Set<(app: string) => void>();
  private readonly stopRotation: () => void;
  private readonly spawning = new InFlight();

  constructor({ store, home, runner = realProcessRunner, sweepIntervalMs = 1_000, sweeper, clock, now, actors = {}, sockets, onError = () => {}, retryWritesMs }: SupervisorOptions) {
    this.rows = new InstanceRows(store);
    this.spawns = new SpawnRecords(store, markerHome(home), { onError: (err) => onError(err, {}), retryMs: retryWritesMs });
    const [livePids, portsInUse] = [(app: string) => pidsOf(this.rows.list(app), this.registry.of(app)), (app: string) => socketPortsOf(this.registry.of(app))];
    this.sockets = new SocketRegistry({ store, livePids, portsInUse, onEvent: (app, reason, message) => this.recordEvent(app, null, 'Normal', reason, message), ...sockets });
    this.writer = new RowWriter({ rows: this.rows, rewrite: (handle) => this.persistSnapshot(handle, true), onError: (err, key) => onError(err, { key }), retryMs: retryWritesMs });
    this.clock = clock;
    this.now = now ?? (clock?.now ? () => clock.now!() : Date.now);
    this.onError = onError;
    this.sweeper = sweeper ?? new Sweeper({ intervalMs: sweepIntervalMs, onError: (err) => onError(err, {}) });
    const logs = new LogFiles(new LogOwnership(store, path.join(home, 'logs')), (err) => onError(err, {}));
    const real = createProcessActors({ runner, sweeper: this.sweeper, spawns: this.spawns, logs, now: this.now, sockets: this.sockets, onError: (err) => onError(err, {}), spawning: this.spawning });
    this.machine = instanceMachine.provide({ actors: { ...real, ...actors } as typeof real });
    // Sizes are checked every tick (up to 500 files a tick, taking turns beyond), so rotation bounds disk use.
    this.stopRotation = this.sweeper.addTask(() => logs.checkSizes());
  }

  // ---- what runs ----

  /** The planner's view of an app: per index, what its current process runs and whether it is active. */
  actual(app: string): RunningInstance[] {
    return [...this.registry.of(app)].map(([index, slot]) => ({
      index,
      specHash: slot.owner.config.specHash,
      ports: slot.owner.config.ports,
      active: !isEnded(slot.owner),
    }));
  }

  /** The handle that stands for (app, index): the running one, or the replacement once it took over. */
  get(app: string, index: number): InstanceHandle | undefined {
    return this.registry.get(app, index)?.owner;
  }

  snapshot(app: string, index: number): InstanceSnapshot | undefined {
    return this.get(app, index)?.snapshot();
  }

  /** Fresh CPU and memory in the snapshots, for a reader: children are read only while someone asks (process/sweep.ts). */
  refreshSamples(): Promise<void> {
    return this.sweeper.wantSamples();
  }

  /** One handle per (app, index), sorted; `all` includes reload replacements not yet in charge. */
  list({ all = false }: { all?: boolean } = {}): InstanceHandle[] {
    const slots = this.registry.all();
    return all ? slots.flatMap((s) => [...s.handles]) : slots.map((s) => s.owner);
  }

  /** The app's listening sockets (spec.socket), taken back from its running instances first if needed. */
  listenSockets(app: string): Promise<ListenSocketState[]> {
    return this.sockets.states(app);
  }

  /** Calls `listener(app)` whenever an instance of that app changes. Returns the unsubscribe. */
  onChange(listener: (app: string) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  // ---- what to run ----

  /** Rows (`pending`) for instances 0..count-1 of an app that have none yet. */
  declare(app: string, count: number, specHash: string): void {
    this.rows.reserve(app, count, specHash);
  }

  /**
   * Takes over the processes the store records for an app but nothing here
   * supervises (a previous controller's): each is adopted if it still runs
   * with its recorded start time, else counts as exited and restarts per its
   * policy. `configFor` gives the config it runs (with the recorded spec hash).
   */
  adoptRecorded(app: string, configFor: (index: number, specHash: string) => InstanceConfig): number[] {
    const adopted: number[] = [];
    // The usual case (every row's instance runs here): no record is read.
    if (this.rows.indexes(app).every((index) => this.registry.get(app, index))) return adopted;
    for (const row of this.rows.list(app)) {
      if (this.registry.get(app, row.index) || row.pid === null || row.startTime === null) continue;
      const marker = this.spawns.markerOf(app, row.index, row.pid, row.startTime) ?? null;
      this.start(configFor(row.index, row.specHash), { pid: row.pid, startTime: row.startTime, startedAt: row.startedAt, restarts: row.restarts, marker });
      adopted.push(row.index);
    }
    return adopted;
  }

  /**
   * Starts the instance (app, index), or adopts `adopt` if that process still
   * runs with the recorded start time. Throws if the instance already runs here.
   */
  start(config: InstanceConfig, adopt?: AdoptedProcess, { restarts }: StartOptions = {}): InstanceHandle {
    const slot = this.registry.get(config.app, config.index);
    if (slot) {
      const live = [...slot.handles].find((h) => !isEnded(h));
      if (live) throw new BerthError('INTERNAL', `Instance ${config.app}/${config.index} is already running (status ${live.snapshot().status})`);
    }
    const { handle, cleanup } = this.createHandle(`${config.app}/${config.index}`, 0, config, adopt, restarts);
    this.registry.add(handle, cleanup);
    // A socket the replaced process ran on and this one does not is closed before it binds the port itself.
    if (!adopt) this.sockets.prune(config.app);
    // The actor's first snapshot (pending) writes the row: no write of its own before it.
    handle.actor.start();
    handle.start();
    return handle;
  }

  /**
   * Replaces (app, index) with a process running `config`: hand-over per
   * `order` (hand-over.ts). Resolves once the replacement is ready; throws
   * when a StartFirst replacement never got ready (the old one keeps running).
   */
  async replace(config: InstanceConfig, options: ReplaceOptions): Promise<void> {
    const order = await this.sockets.orderFor(config, this.get(config.app, config.index)?.config, options.order);
    return handOver(this, config, { ...options, order });
  }

  /**
   * Reload hand-over: starts a second process for (app, index) while the
   * current one keeps running. The replacement's key is "app/index#gen"; it
   * takes over the store row when it becomes online (or when the old one
   * ends first). Then: `await next.waitReady(); await old.stop();`.
   */
  startReplacement(config: InstanceConfig, { restarts }: StartOptions = {}): InstanceHandle {
    const slot = this.registry.get(config.app, config.index);
    if (!slot) return this.start(config, undefined, { restarts });
    const generation = slot.nextGeneration++;
    const { handle, cleanup } = this.createHandle(`${config.app}/${config.index}#${generation}`, generation, config, undefined, restarts);
    this.registry.addReplacement(slot, handle, cleanup);
    handle.actor.start();
    handle.start();
    return handle;
  }

  /** Records an instance event (Replaced, ReloadFailed) for the hand-over. */
  recordEvent(app: string, index: number | null, level: InstanceEvent['level'], reason: string, message: string): void {
    try {
      this.rows.recordEvent({ app, instance: index, type: level, reason, message });
    } catch (err) {
      this.onError(err, { key: `${app}/${index}` });
    }
  }

  /**
   * Stops the reload replacements not yet in charge (of one app, or all), so
   * their pending hand-overs give up at once instead of waiting out their
   * ready timeout (`berth down`, delete, controller exit). The processes in
   * charge keep running.
   */
  async cancelHandOvers(app?: string): Promise<void> {
    const slots = app === undefined ? this.registry.all() : [...this.registry.of(app).values()];
    await Promise.all(slots.flatMap((slot) => [...slot.handles].filter((h) => h !== slot.owner).map((h) => h.stop())));
  }

  /** Stop then start the process in place (same config); counts as a restart. */
  restart(app: string, index: number): void {
    this.get(app, index)?.restart();
  }

  /** Runtime stop (`berth stop`): the process stops, the row stays (stopped) with its ports. */
  async halt(app: string, index: number): Promise<void> {
    await this.get(app, index)?.stop();
    this.rows.markStopped(app, index);
  }

  /** Scale-down / app deleted: stops every process of (app, index), deletes its row, forgets it. */
  async remove(app: string, index: number): Promise<void> {
    const slot = this.registry.get(app, index);
    if (slot) {
      await Promise.all([...slot.handles].map((h) => h.stop()));
      this.registry.drop(app, index);
    }
    this.rows.delete(app, index);
    this.sockets.prune(app);
  }

  /** App deleted: every instance of it stopped (adopting what a previous controller left first) and every row gone. */
  async removeApp(app: string, configFor?: (index: number, specHash: string) => InstanceConfig): Promise<void> {
    if (configFor) this.adoptRecorded(app, configFor);
    await Promise.all([...this.registry.of(app).keys()].map((index) => this.remove(app, index)));
    this.rows.delete(app);
    this.sockets.closeApp(app);
  }

  /** Rows beyond `count` that nothing runs for (scale-down leftovers) are deleted. */
  prune(app: string, count: number): void {
    this.rows.deleteBeyond(app, count, (index) => this.registry.get(app, index) !== undefined);
    this.sockets.prune(app);
  }

  /**
   * `berth down` / Ctrl-C: stops every process and waits until all are gone;
   * their rows say stopped. `layers` of app names stop one after another
   * first (dependents before what they depend on), then whatever is left.
   */
  async stopAll(layers: readonly (readonly string[])[] = []): Promise<void> {
    for (const apps of layers) await Promise.all(this.list({ all: true }).filter((h) => apps.includes(h.app)).map((h) => h.stop()));
    await Promise.all(this.list({ all: true }).map((h) => h.stop()));
    this.rows.markProcessesStopped();
    this.sockets.closeAll();
  }

  /**
   * Controller exit on SIGTERM: stops the actors and the sweep, leaves every
   * process running; their rows keep (pid, start time) for the next
   * controller to adopt. Resolves once the spawns that were under way have
   * given up (before their fork) or stopped what they forked: until then
   * they may still write the store and the log folder. At most
   * `DETACH_WAIT_MS`: a spawn stuck opening a log file on a hung mount must
   * not hold the controller's exit.
   */
  detachAll(): Promise<void> {
    this.writer.flush();
    this.writer.stop();
    this.spawns.flush();
    this.spawns.stop();
    this.registry.clear();
    this.stopRotation();
    this.sweeper.close();
    return Promise.race([this.spawning.settled(), sleep(DETACH_WAIT_MS, undefined, { ref: false })]);
  }

  // ---- internals ----

  private createHandle(key: string, generation: number, config: InstanceConfig, adopt?: AdoptedProcess, restarts?: number): { handle: InstanceHandle; cleanup: () => void } {
    // An explicit `clock: undefined` would replace XState's default clock: pass it only when given.
    const actor = createActor(this.machine, { input: { config, adopt, restarts, now: this.now }, id: key, ...(this.clock ? { clock: this.clock } : {}) });
    const handle = new InstanceHandle({ key, generation, config, actor });
    const offEvent = actor.on('instance.event', (event: InstanceEvent) => this.recordEvent(handle.app, handle.index, event.level, event.reason, event.message));
    let lastStatus = statusOf(actor.getSnapshot());
    const sub = actor.subscribe({
      next: (snapshot) => {
        const status = statusOf(snapshot);
        this.persistSnapshot(handle);
        if (status !== lastStatus) this.registry.statusChanged(handle, status);
        lastStatus = status;
        for (const listener of this.changeListeners) listener(handle.app);
      },
      // The root error observer: an actor error is reported, never rethrown into the daemon.
      error: (err) => this.onError(err, { key }),
    });
    const cleanup = () => {
      offEvent.unsubscribe();
      sub.unsubscribe();
    };
    return { handle, cleanup };
  }

  private persistSnapshot(handle: InstanceHandle, force = false): void {
    if (this.registry.get(handle.app, handle.index)?.owner !== handle) return;
    const s = handle.snapshot();
    const { pid, startTime } = handle.processIdentity();
    this.writer.write(handle, { specHash: handle.config.specHash, status: s.status, pid, startTime, restarts: s.restarts, startedAt: pid === null ? null : s.startedAt, lastExitCode: s.lastExitCode, lastExitSignal: s.lastExitSignal }, force);
  }
}
