/**
 * The one registry of running instances: per (app, index) a slot holding the
 * handle that stands for it (the store row shows that one) and, during a
 * reload hand-over, its replacement; and the rule of who takes over the row.
 * Owned by the Supervisor; nobody else keeps a map of instances.
 */
import type { InstanceHandle } from './instance-handle.js';
import type { InstanceStatus } from './types.js';

export interface Slot {
  /** The handle whose state the store row shows. */
  owner: InstanceHandle;
  /** Every handle of this (app, index): the owner and reload replacements. */
  handles: Set<InstanceHandle>;
  nextGeneration: number;
}

const ENDED = new Set<InstanceStatus>(['stopped', 'errored']);
export const isEnded = (handle: InstanceHandle): boolean => ENDED.has(handle.snapshot().status);

export interface InstanceRegistryOptions {
  /** A handle became the one the row shows (a replacement took over). */
  onTakeOver: (handle: InstanceHandle) => void;
}

export class InstanceRegistry {
  private readonly apps = new Map<string, Map<number, Slot>>();
  /** What to undo when a handle is forgotten (its subscriptions). */
  private readonly cleanups = new Map<InstanceHandle, () => void>();

  constructor(private readonly options: InstanceRegistryOptions) {}

  get(app: string, index: number): Slot | undefined {
    return this.apps.get(app)?.get(index);
  }

  /** The slots of one app, by index. */
  of(app: string): ReadonlyMap<number, Slot> {
    return this.apps.get(app) ?? new Map();
  }

  /** Every slot, sorted by app then index. */
  all(): Slot[] {
    return [...this.apps.keys()].sort().flatMap((app) => [...this.of(app).entries()].sort(([a], [b]) => a - b).map(([, slot]) => slot));
  }

  /** A new slot for the handle's (app, index), replacing any forgotten one. */
  add(handle: InstanceHandle, cleanup: () => void): void {
    this.drop(handle.app, handle.index);
    let byIndex = this.apps.get(handle.app);
    if (!byIndex) this.apps.set(handle.app, (byIndex = new Map()));
    byIndex.set(handle.index, { owner: handle, handles: new Set([handle]), nextGeneration: 1 });
    this.cleanups.set(handle, cleanup);
  }

  /** A reload replacement beside the owner; returns its generation. */
  addReplacement(slot: Slot, handle: InstanceHandle, cleanup: () => void): void {
    slot.handles.add(handle);
    this.cleanups.set(handle, cleanup);
  }

  /**
   * A handle's status changed: a replacement that is ready, or whose
   * predecessor ended, takes over the row; a replacement that failed is
   * dropped (after its waiters saw the status).
   */
  statusChanged(handle: InstanceHandle, status: InstanceStatus): void {
    const slot = this.get(handle.app, handle.index);
    if (!slot?.handles.has(handle)) return;
    if (handle !== slot.owner) {
      if (status === 'online' || isEnded(slot.owner)) this.takeOver(slot, handle);
      else if (ENDED.has(status)) queueMicrotask(() => this.forget(slot, handle));
      return;
    }
    if (ENDED.has(status)) {
      const successor = [...slot.handles].find((h) => h !== handle && !isEnded(h));
      if (successor) this.takeOver(slot, successor);
    }
  }

  /** Forgets every handle of (app, index) and the slot itself; the processes are not touched. */
  drop(app: string, index: number): void {
    const slot = this.get(app, index);
    if (!slot) return;
    for (const handle of slot.handles) this.forget(slot, handle);
    const byIndex = this.apps.get(app)!;
    byIndex.delete(index);
    if (byIndex.size === 0) this.apps.delete(app);
  }

  /** Forgets everything (controller exit); the processes are not touched. */
  clear(): void {
    for (const slot of this.all()) this.drop(slot.owner.app, slot.owner.index);
  }

  private takeOver(slot: Slot, handle: InstanceHandle): void {
    const previous = slot.owner;
    slot.owner = handle;
    this.options.onTakeOver(handle);
    // The old process is the hand-over's to stop; once ended it is dropped.
    if (isEnded(previous)) queueMicrotask(() => this.forget(slot, previous));
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
}
