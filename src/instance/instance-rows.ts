/**
 * The one writer of the instances table. Rows are the truth about what
 * actually runs and must outlive the controller, so every insert, update and
 * delete goes through this class (the Supervisor while a controller runs,
 * stopRecordedInstances when none does); the rest of berth only reads them.
 */
import type { InstancePatch, InstanceRecord, InstancesTable } from '../store/instances-table.js';
import type { EventsTable } from '../store/events-table.js';

/** The part of the Store the instance layer writes. */
export interface InstanceStore {
  instances: Pick<InstancesTable, 'list' | 'indexes' | 'get' | 'upsert' | 'update' | 'delete'>;
  events: Pick<EventsTable, 'record'>;
}

export class InstanceRows {
  constructor(private readonly store: InstanceStore) {}

  list(app?: string): InstanceRecord[] {
    return this.store.instances.list(app);
  }

  /** The indexes that have a row (the periodic resync asks this of every app: no records made). */
  indexes(app: string): number[] {
    return this.store.instances.indexes(app);
  }

  /**
   * Rows for instances 0..count-1 that have none yet, as `pending`: like
   * Pods, instances exist before they can run, so `list` shows them waiting.
   */
  reserve(app: string, count: number, specHash: string): void {
    const existing = new Set(this.indexes(app));
    for (let index = 0; index < count; index++) {
      if (!existing.has(index)) this.store.instances.upsert(app, index, { specHash, status: 'pending' });
    }
  }

  /** What a running instance's actor shows now (created if missing). */
  record(app: string, index: number, patch: InstancePatch & { specHash: string }): void {
    this.store.instances.upsert(app, index, patch);
  }

  /** No process any more: `stopped`, pid and start time cleared (halt). */
  markStopped(app: string, index: number): void {
    this.store.instances.update(app, index, { status: 'stopped', pid: null, startTime: null });
  }

  /** Every row that still names a process (of one app, or all) marked stopped: after stopping them all. */
  markProcessesStopped(app?: string): void {
    for (const row of this.list(app)) if (row.pid !== null) this.markStopped(row.app, row.index);
  }

  delete(app: string, index?: number): void {
    this.store.instances.delete(app, index);
  }

  /** Deletes rows at index >= count that `isRunning` says nothing runs for (scale-down leftovers). */
  deleteBeyond(app: string, count: number, isRunning: (index: number) => boolean): void {
    for (const index of this.indexes(app)) if (index >= count && !isRunning(index)) this.delete(app, index);
  }

  recordEvent(event: Parameters<EventsTable['record']>[0]): void {
    this.store.events.record(event);
  }
}
