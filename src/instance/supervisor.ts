/**
 * The Supervisor: one instance actor per (app, index), one shared batched
 * sweep, and the store kept in step. The controller's only entry point into
 * running processes (docs/ARCHITECTURE.md, "instance").
 */
import { createActor, type AnyActorLogic } from 'xstate';

/** XState's scheduler clock (not exported by name from 'xstate'). */
export interface Clock {
  setTimeout(fn: (...args: unknown[]) => void, timeout: number): unknown;
  clearTimeout(id: unknown): void;
  now?(): number;
}
import { BerthError } from '../errors.js';
import type { EventsTable } from '../store/events-table.js';
import type { InstancePatch, InstancesTable } from '../store/instances-table.js';
import type { ProcessRunner } from '../process/process-runner.js';
import { realProcessRunner } from '../process/real-process-runner.js';
import { Sweeper } from '../process/sweep.js';
import { resolveLogPaths } from '../process/log-paths.js';
import { rotateLogIfNeeded } from '../process/rotate-log.js';
import { instanceMachine } from './instance-machine.js';
import { createProcessActors } from './process-actors.js';
import { InstanceHandle, statusOf } from './instance-handle.js';
import type { AdoptedProcess, InstanceConfig, InstanceEvent } from './types.js';

/** The part of the Store the instance layer writes. */
export interface InstanceStore {
  instances: Pick<InstancesTable, 'upsert' | 'update' | 'get' | 'delete'>;
  events: Pick<EventsTable, 'record'>;
}

export interface SupervisorOptions {
  store: InstanceStore;
  runner?: ProcessRunner;
  /** Period of the batched liveness/usage sweep. */
  sweepIntervalMs?: number;
  /** How often the sweep checks log sizes for rotation (default 10 s). */
  logRotationCheckMs?: number;
  sweeper?: Sweeper;
  /** XState clock for the actors' timers (tests: SimulatedClock). */
  clock?: Clock;
  now?: () => number;
  /** Replaces some of the machine's actors (tests). */
  actors?: Partial<Record<'runProcess' | 'stopProcess' | 'probe', AnyActorLogic>>;
  /** Anything that went wrong outside an instance's own lifecycle (actor error, store write, sweep). Never thrown. */
  onError?: (err: unknown, where: { key?: string }) => void;
}

interface Slot {
  /** The handle whose state the store row shows. */
  owner: InstanceHandle;
  /** Every handle of this (app, index): the owner and reload replacements. */
  handles: Set<InstanceHandle>;
  nextGeneration: number;
}

const ENDED = new Set(['stopped', 'errored']);
/** How often the sweep checks log sizes for rotation. */
export const LOG_ROTATION_CHECK_MS = 10_000;

/**
 * @example
 * const supervisor = new Supervisor({ store });
 * const row = store.instances.get('web', 0);
 * const handle = supervisor.start(config, row?.pid && row.startTime
 *   ? { pid: row.pid, startTime: row.startTime, startedAt: row.startedAt, restarts: row.restarts } : undefined);
 * await handle.waitReady();
 */
export class Supervisor {
  readonly sweeper: Sweeper;
  private readonly store: InstanceStore;
  private readonly machine;
  private readonly clock: Clock | undefined;
  private readonly now: () => number;
  private readonly onError: (err: unknown, where: { key?: string }) => void;
  private readonly slots = new Map<string, Slot>();
  private readonly cleanups = new Map<InstanceHandle, () => void>();
  private readonly removeRotation: () => void;
  private lastRotationCheck = Number.NEGATIVE_INFINITY;
  private readonly logRotationCheckMs: number;

  constructor({ store, runner = realProcessRunner, sweepIntervalMs = 1_000, logRotationCheckMs = LOG_ROTATION_CHECK_MS, sweeper, clock, now, actors = {}, onError = () => {} }: SupervisorOptions) {
    this.store = store;
    this.logRotationCheckMs = logRotationCheckMs;
    this.clock = clock;
    this.now = now ?? (clock?.now ? () => clock.now!() : Date.now);
    this.onError = onError;
    this.sweeper = sweeper ?? new Sweeper({ intervalMs: sweepIntervalMs, onError: (err) => onError(err, {}) });
    const real = createProcessActors({ runner, sweeper: this.sweeper, now: this.now });
    this.machine = instanceMachine.provide({ actors: { ...real, ...actors } as typeof real });
    this.removeRotation = this.sweeper.addTask(() => this.rotateLogs());
  }

  /**
   * Starts the instance (app, index), or adopts `adopt` if that process still
   * runs with the recorded start time (else it counts as exited and restarts
   * per policy). Throws if the instance already runs here.
   */
  start(config: InstanceConfig, adopt?: AdoptedProcess): InstanceHandle {
    const slotKey = `${config.app}/${config.index}`;
    const slot = this.slots.get(slotKey);
    if (slot) {
      const live = [...slot.handles].filter((h) => !ENDED.has(h.snapshot().status));
      if (live.length > 0) throw new BerthError('INTERNAL', `Instance ${slotKey} is already running (status ${live[0]!.snapshot().status})`);
      for (const handle of slot.handles) this.forget(slot, handle);
      this.slots.delete(slotKey);
    }
    const handle = this.createHandle(slotKey, 0, config, adopt);
    this.slots.set(slotKey, { owner: handle, handles: new Set([handle]), nextGeneration: 1 });
    this.persist(handle, { specHash: config.specHash, status: 'pending' });
    handle.actor.start();
    handle.start();
    return handle;
  }

  /**
   * Reload hand-over: starts a second process for (app, index) while the
   * current one keeps running. The replacement's key is "app/index#gen"; it
   * takes over the store row when it becomes online (or when the old one
   * ends first). Then: `await next.waitReady(); await old.stop();`.
   */
  startReplacement(config: InstanceConfig): InstanceHandle {
    const slotKey = `${config.app}/${config.index}`;
    const slot = this.slots.get(slotKey);
    if (!slot) return this.start(config);
    const generation = slot.nextGeneration++;
    const handle = this.createHandle(`${slotKey}#${generation}`, generation, config);
    slot.handles.add(handle);
    handle.actor.start();
    handle.start();
    return handle;
  }

  /** The handle that stands for (app, index): the running one, or the replacement once it took over. */
  get(app: string, index: number): InstanceHandle | undefined {
    return this.slots.get(`${app}/${index}`)?.owner;
  }

  /** One handle per (app, index), sorted; `all` includes reload replacements not yet in charge. */
  list({ all = false }: { all?: boolean } = {}): InstanceHandle[] {
    const slots = [...this.slots.values()].sort((a, b) => a.owner.app.localeCompare(b.owner.app) || a.owner.index - b.owner.index);
    return all ? slots.flatMap((s) => [...s.handles]) : slots.map((s) => s.owner);
  }

  /** Scale-down / app deleted: stops every process of (app, index), deletes its row, forgets it. */
  async remove(app: string, index: number): Promise<void> {
    const slotKey = `${app}/${index}`;
    const slot = this.slots.get(slotKey);
    if (!slot) {
      this.store.instances.delete(app, index);
      return;
    }
    await Promise.all([...slot.handles].map((h) => h.stop()));
    for (const handle of slot.handles) this.forget(slot, handle);
    this.slots.delete(slotKey);
    this.store.instances.delete(app, index);
  }

  /** `berth down` / Ctrl-C: stops every process and waits until all are gone. */
  async stopAll(): Promise<void> {
    await Promise.all(this.list({ all: true }).map((h) => h.stop()));
  }

  /**
   * Controller exit on SIGTERM: stops the actors and the sweep, leaves every
   * process running; their rows keep (pid, start time) for the next
   * controller to adopt.
   */
  detachAll(): void {
    for (const slot of this.slots.values()) for (const handle of slot.handles) this.forget(slot, handle);
    this.slots.clear();
    this.removeRotation();
    this.sweeper.close();
  }

  private createHandle(key: string, generation: number, config: InstanceConfig, adopt?: AdoptedProcess): InstanceHandle {
    // An explicit `clock: undefined` would replace XState's default clock: pass it only when given.
    const actor = createActor(this.machine, { input: { config, adopt, now: this.now }, id: key, ...(this.clock ? { clock: this.clock } : {}) });
    const handle = new InstanceHandle({ key, generation, config, actor });
    const offEvent = actor.on('instance.event', (event: InstanceEvent) => this.recordEvent(handle, event));
    let lastStatus = statusOf(actor.getSnapshot());
    const sub = actor.subscribe({
      next: (snapshot) => {
        const status = statusOf(snapshot);
        this.persistSnapshot(handle);
        if (status !== lastStatus) this.onStatusChange(handle, status);
        lastStatus = status;
      },
      // The root error observer: an actor error is reported, never rethrown into the daemon.
      error: (err) => this.onError(err, { key }),
    });
    this.cleanups.set(handle, () => {
      offEvent.unsubscribe();
      sub.unsubscribe();
    });
    return handle;
  }

  private onStatusChange(handle: InstanceHandle, status: string): void {
    const slot = this.slots.get(`${handle.app}/${handle.index}`);
    if (!slot || !slot.handles.has(handle)) return;
    if (handle !== slot.owner) {
      // A replacement that is ready, or whose predecessor ended, takes over the row.
      if (status === 'online' || ENDED.has(slot.owner.snapshot().status)) this.takeOver(slot, handle);
      // A replacement that failed is dropped (after its waiters saw the status).
      else if (ENDED.has(status)) queueMicrotask(() => this.forget(slot, handle));
      return;
    }
    if (ENDED.has(status)) {
      const successor = [...slot.handles].find((h) => h !== handle && !ENDED.has(h.snapshot().status));
      if (successor) this.takeOver(slot, successor);
    }
  }

  private takeOver(slot: Slot, handle: InstanceHandle): void {
    const previous = slot.owner;
    slot.owner = handle;
    this.persistSnapshot(handle, true);
    // The old process is the controller's to stop (reload stops it after waitReady); once ended it is dropped.
    if (ENDED.has(previous.snapshot().status)) queueMicrotask(() => this.forget(slot, previous));
    else {
      const off = previous.subscribe((s) => {
        if (ENDED.has(s.status)) {
          off();
          queueMicrotask(() => this.forget(slot, previous));
        }
      });
    }
  }

  private forget(slot: Slot, handle: InstanceHandle): void {
    this.cleanups.get(handle)?.();
    this.cleanups.delete(handle);
    slot.handles.delete(handle);
    handle.detach();
  }

  private persistSnapshot(handle: InstanceHandle, force = false): void {
    const slot = this.slots.get(`${handle.app}/${handle.index}`);
    if (!slot || slot.owner !== handle) return;
    const s = handle.snapshot();
    const { pid, startTime } = handle.processIdentity();
    this.persist(handle, { specHash: handle.config.specHash, status: s.status, pid, startTime, restarts: s.restarts, startedAt: pid === null ? null : s.startedAt, lastExitCode: s.lastExitCode, lastExitSignal: s.lastExitSignal }, force);
  }

  private readonly written = new WeakMap<InstanceHandle, string>();

  /** Writes only when the row would change: SAMPLE ticks must not turn into SQLite writes. */
  private persist(handle: InstanceHandle, patch: InstancePatch & { specHash: string }, force = false): void {
    const key = JSON.stringify(patch);
    if (!force && this.written.get(handle) === key) return;
    try {
      this.store.instances.upsert(handle.app, handle.index, patch);
      this.written.set(handle, key);
    } catch (err) {
      this.onError(err, { key: handle.key });
    }
  }

  private recordEvent(handle: InstanceHandle, event: InstanceEvent): void {
    try {
      this.store.events.record({ app: handle.app, instance: handle.index, type: event.level, reason: event.reason, message: event.message });
    } catch (err) {
      this.onError(err, { key: handle.key });
    }
  }

  /** Sweep task: size rotation of every running instance's log files (each path once). */
  private async rotateLogs(): Promise<void> {
    // Two stat() calls per instance per tick add up at 100 instances; log sizes move slowly.
    if (this.now() - this.lastRotationCheck < this.logRotationCheckMs) return;
    this.lastRotationCheck = this.now();
    const seen = new Set<string>();
    for (const handle of this.list({ all: true })) {
      if (handle.snapshot().pid === null) continue;
      const { spec } = handle.config;
      const paths = resolveLogPaths({ app: handle.app, index: handle.index, logDir: handle.config.logDir, logs: spec.logs });
      for (const file of [paths.out, paths.err]) {
        if (seen.has(file)) continue;
        seen.add(file);
        await rotateLogIfNeeded(file, { maxSizeBytes: spec.logs.maxSizeBytes, maxFiles: spec.logs.maxFiles });
      }
    }
  }
}
