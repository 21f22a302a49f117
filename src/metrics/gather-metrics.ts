/**
 * GET /metrics: reads the controller's live view and the store, and renders
 * berth's metric families. Everything is read at scrape time; between
 * scrapes the metrics cost nothing but the reconcile histogram's counters.
 */
import type { ControllerStatus, InstanceView } from '../api/api-types.js';
import type { Store } from '../store/store.js';
import { groupCpuSeconds, type CpuSecondsOf } from '../process/cpu-seconds.js';
import { readAppRecords, summariseApps } from './app-summaries.js';
import { berthMetrics, type InstanceMetrics } from './berth-metrics.js';
import { renderExposition } from './exposition.js';
import type { Histogram } from './histogram.js';

/** What the metrics read from the controller (src/controller/controller.ts implements it). */
export interface MetricsSource {
  status(): ControllerStatus;
  listInstances(): Promise<InstanceView[]>;
  /** Every error of the manifests on disk now. */
  manifestErrors(): string[];
}

export interface GatherMetricsOptions {
  source: MetricsSource;
  store: Store;
  reconcileDuration: Histogram;
  /** CPU seconds of a recorded instance (default: its whole process group, from one /proc scan per scrape). */
  cpuSeconds?: CpuSecondsOf;
}

/**
 * @example res.end(await gatherMetrics({ source: controller, store, reconcileDuration }))
 */
export async function gatherMetrics({ source, store, reconcileDuration, cpuSeconds }: GatherMetricsOptions): Promise<string> {
  const views = await source.listInstances();
  const cpuOf = cpuSeconds ?? groupCpuSeconds();
  const rows = new Map(store.instances.list().map((row) => [`${row.app}/${row.index}`, row]));
  const instances: InstanceMetrics[] = views.map((view) => {
    const row = rows.get(`${view.app}/${view.instance}`);
    const up = view.pid !== null;
    return {
      app: view.app,
      instance: view.instance,
      status: view.status,
      up,
      restarts: view.restarts,
      cpuSeconds: up ? cpuOf(view.pid!, row?.pid === view.pid ? row.startTime : null) : undefined,
      memoryBytes: up ? view.memory : null,
      startTimeSeconds: up && row?.pid === view.pid && row.startedAt !== null ? row.startedAt / 1000 : null,
    };
  });
  return renderExposition(
    berthMetrics({
      version: source.status().version,
      instances,
      apps: summariseApps(readAppRecords(store), views),
      allocations: store.allocations.list(),
      manifestErrors: source.manifestErrors().length,
      reconcileDuration: reconcileDuration.sample(),
    }),
  );
}
