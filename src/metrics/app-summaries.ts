/**
 * One line of state per app for the dashboard's app table and the
 * `berth_app_*` metrics: desired vs ready instances and conditions, from the
 * store and the instance list the controller already built.
 */
import type { Store } from '../store/store.js';
import type { AppRecord, Condition } from '../store/apps-table.js';
import type { InstanceView } from '../api/api-types.js';
import type { AppResource } from '../manifest/types.js';
import { effectiveApp } from '../controller/runtime-override.js';

export interface AppReadiness {
  name: string;
  kind: 'App' | 'PortClaim';
  /** The manifest file that declares it. */
  source: string;
  desiredState: 'running' | 'stopped';
  /** Instances that should run: the spec's (or a runtime override's) count, 0 while stopped. */
  desired: number;
  /** Instances online. */
  ready: number;
  conditions: Condition[];
}

/** An app's stored record and its effective instance count (spec, or a runtime override). */
export interface AppRecordCount {
  record: AppRecord;
  instances: number;
}

/** The store's side of the summaries: read once, reused while the store does not change. */
export function readAppRecords(store: Store): AppRecordCount[] {
  return store.apps.list().map((record) => ({
    record,
    instances: record.kind === 'App' ? effectiveApp(record.resource as AppResource, store.overrides.get(record.name)).instances : 0,
  }));
}

/**
 * @example summariseApps(readAppRecords(store), await controller.listInstances())[0] // { name: 'web', desired: 4, ready: 3, ... }
 */
export function summariseApps(records: readonly AppRecordCount[], instances: readonly InstanceView[]): AppReadiness[] {
  const online = new Map<string, number>();
  for (const view of instances) if (view.status === 'online') online.set(view.app, (online.get(view.app) ?? 0) + 1);
  return records.map(({ record, instances: count }) => ({
    name: record.name,
    kind: record.kind,
    source: record.source,
    desiredState: record.desiredState,
    desired: record.desiredState === 'stopped' ? 0 : count,
    ready: online.get(record.name) ?? 0,
    conditions: record.conditions,
  }));
}
