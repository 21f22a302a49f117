/**
 * Builds what `list` and `info` show from the store, overlaid with live
 * snapshots when a controller supervises the instances. The CLI uses the same
 * code with no live data when the controller is down.
 */
import type { Store } from '../store/store.js';
import type { AppRecord } from '../store/apps-table.js';
import type { OverrideRecord } from '../store/overrides-table.js';
import type { AppInfo, InstanceView } from '../api/api-types.js';
import type { InstanceSnapshot } from './controller-deps.js';
import type { AppResource } from '../manifest/types.js';
import { heldPortsByInstance, heldPortsOfOwner } from '../store/instance-ports-query.js';
import { NotFoundError } from '../errors.js';
import { overrideKey } from './override-key.js';
import { readSyncStatus } from '../sync/read-sync-status.js';

export type LiveLookup = (app: string, index: number) => InstanceSnapshot | undefined;

export function instanceViews(store: Store, live: LiveLookup = () => undefined, now = Date.now(), app?: string): InstanceView[] {
  const ports = heldPortsByInstance(store.db, app);
  return store.instances.list(app).map((row) => {
    const snapshot = live(row.app, row.index);
    const held = ports.get(`${row.app}/${row.index}`) ?? { tcp: [], udp: [] };
    const status = snapshot?.status ?? row.status;
    const pid = snapshot ? snapshot.pid : row.pid;
    const startedAt = snapshot ? snapshot.startedAt : row.startedAt;
    const running = pid !== null && (status === 'online' || status === 'starting' || status === 'stopping');
    return {
      app: row.app,
      instance: row.index,
      status,
      pid: running ? pid : null,
      port: held.port ?? held.tcp[0] ?? null,
      ports: { tcp: held.tcp, udp: held.udp },
      cpu: snapshot?.cpu ?? null,
      memory: snapshot?.memory ?? null,
      uptime: running && startedAt !== null ? Math.max(0, now - startedAt) : null,
      restarts: snapshot?.restarts ?? row.restarts,
      specHash: row.specHash,
    };
  });
}

export function appInfo(store: Store, name: string, live: LiveLookup = () => undefined, manifestErrors: string[] = []): AppInfo {
  const record = store.apps.get(name);
  if (!record) throw new NotFoundError(`app "${name}"`);
  const validOverride = validOverrideOf(store, record);
  const base = {
    sync: syncOf(store, record.source),
    name,
    kind: record.kind,
    source: record.source,
    labels: record.labels,
    generation: record.generation,
    observedGeneration: record.observedGeneration,
    desiredState: record.desiredState,
    conditions: record.conditions,
    events: store.events.list(name, 20),
    manifestErrors,
  };
  if (record.kind === 'PortClaim') {
    const demand = record.resource.spec as { tcp: number; udp: number };
    return {
      ...base,
      configured: { port: null, instances: 0, ports: demand },
      effective: { port: null, instances: 0, override: null },
      instances: [],
      claimed: heldPortsOfOwner(store.db, name, 'claim'),
    };
  }
  const spec = (record.resource as AppResource).spec;
  return {
    ...base,
    configured: { port: spec.port ?? null, instances: spec.instances, ports: spec.ports },
    effective: {
      port: validOverride?.port ?? spec.port ?? null,
      instances: validOverride?.instances ?? spec.instances,
      override: validOverride ? { port: validOverride.port, instances: validOverride.instances } : null,
    },
    instances: instanceViews(store, live, Date.now(), name),
  };
}

/** The runtime override (`restart/reload --port`) of an app, unless the manifest's spec changed since it was set. */
export function validOverrideOf(store: Store, record: AppRecord): OverrideRecord | undefined {
  const override = store.overrides.get(record.name);
  return override && record.kind === 'App' && override.specHash === overrideKey(record.resource as AppResource) ? override : undefined;
}

/** The GitOps source that wrote this app's manifest (its file lies in <dir>/sync-<source>/), if any. */
function syncOf(store: Store, source: string): AppInfo['sync'] {
  const match = /(?:^|[/\\])sync-([a-z0-9][-a-z0-9]*)[/\\]/.exec(source);
  if (!match) return undefined;
  const row = store.db.prepare('SELECT name FROM sync_sources WHERE name = ?').get(match[1]) as { name: string } | undefined;
  if (!row) return undefined;
  const status = readSyncStatus(store).find((s) => s.name === row.name);
  if (!status) return undefined;
  return {
    source: status.name,
    repo: status.repo,
    revision: status.lastApplied ? `${status.lastApplied.shortRev} "${status.lastApplied.subject}"` : null,
    ready: status.conditions.find((c) => c.type === 'Ready')?.status ?? 'Unknown',
    lastError: status.lastError?.message ?? null,
  };
}
