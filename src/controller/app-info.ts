/**
 * The read model of `berth info`: an app's spec as configured and as in
 * effect (runtime override), its instances, conditions, events, and the
 * GitOps source that wrote it — from typed store queries only.
 */
import type { Store } from '../store/store.js';
import type { AppInfo } from '../api/api-types.js';
import type { AppResource } from '../manifest/types.js';
import { NotFoundError } from '../errors.js';
import { effectiveApp } from './runtime-override.js';
import { instanceViews, noLiveData, type LiveLookup } from './instance-views.js';
import { toSyncStatus } from '../sync/read-sync-status.js';
import { runView } from './run-view.js';
import { appSpecInfo } from '../api/spec-info.js';

/** `logDir` (<home>/logs) adds what the app runs (`run`: command, cwd, env masked, log paths). */
export function appInfo(store: Store, name: string, live: LiveLookup = noLiveData, manifestErrors: string[] = [], logDir?: string, now = Date.now()): AppInfo {
  const record = store.apps.get(name);
  if (!record) throw new NotFoundError(`app "${name}"`);
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
      claimed: store.allocations.heldByOwner('claim', name),
    };
  }
  const resource = record.resource as AppResource;
  const effective = effectiveApp(resource, store.overrides.get(name));
  return {
    ...base,
    ...(logDir === undefined ? {} : { run: runView(name, resource.spec, { instances: effective.instances, logDir }) }),
    configured: { port: resource.spec.port ?? null, instances: resource.spec.instances, ports: resource.spec.ports },
    effective: { port: effective.port ?? null, instances: effective.instances, override: effective.override },
    instances: instanceViews(store, live, now, name),
    spec: appSpecInfo(resource.spec, now),
  };
}

/** The GitOps source that wrote this app's manifest (its file lies in <dir>/sync-<source>/), if any. */
function syncOf(store: Store, source: string): AppInfo['sync'] {
  const match = /(?:^|[/\\])sync-([a-z0-9][-a-z0-9]*)[/\\]/.exec(source);
  const record = match ? store.sync.get(match[1]!) : undefined;
  if (!record) return undefined;
  const status = toSyncStatus(record);
  return {
    source: status.name,
    repo: status.repo,
    revision: status.lastApplied ? `${status.lastApplied.shortRev} "${status.lastApplied.subject}"` : null,
    ready: status.conditions.find((c) => c.type === 'Ready')?.status ?? 'Unknown',
    lastError: status.lastError?.message ?? null,
  };
}
