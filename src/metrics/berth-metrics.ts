/**
 * berth's metric families from plain data: what runs (per instance), what
 * should run (per app), the port pool, invalid manifests and how long
 * reconciles take. Names follow Prometheus' conventions: a `berth_` prefix,
 * base units in the name (`_seconds`, `_bytes`), `_total` on counters only.
 */
import type { HistogramSample, MetricFamily, Sample } from './exposition.js';
import type { AppReadiness } from './app-summaries.js';
import type { InstanceStatus } from '../store/instances-table.js';

export interface InstanceMetrics {
  app: string;
  instance: number;
  status: InstanceStatus;
  /** A process runs for it. */
  up: boolean;
  restarts: number;
  /** CPU time of the current process; undefined when none runs. */
  cpuSeconds?: number;
  memoryBytes: number | null;
  /** Unix time the current process started, seconds; null when none runs. */
  startTimeSeconds: number | null;
}

export interface MetricsInput {
  version: string;
  instances: readonly InstanceMetrics[];
  apps: readonly Pick<AppReadiness, 'name' | 'kind' | 'desired' | 'ready' | 'conditions'>[];
  allocations: readonly { protocol: 'tcp' | 'udp' }[];
  manifestErrors: number;
  reconcileDuration: HistogramSample;
}

const gauge = (name: string, help: string, samples: Sample[]): MetricFamily => ({ name, help, type: 'gauge', samples });
const counter = (name: string, help: string, samples: Sample[]): MetricFamily => ({ name, help, type: 'counter', samples });

/**
 * @example renderExposition(berthMetrics(input)) // the body of GET /metrics
 */
export function berthMetrics(input: MetricsInput): MetricFamily[] {
  const instances = input.instances;
  const ids = (i: InstanceMetrics) => ({ app: i.app, instance: String(i.instance) });
  const running = instances.filter((i) => i.up);
  const apps = input.apps.filter((a) => a.kind === 'App');
  const perProtocol = { tcp: 0, udp: 0 };
  for (const allocation of input.allocations) perProtocol[allocation.protocol]++;
  return [
    gauge('berth_build_info', 'Version of the berth controller; always 1.', [{ labels: { version: input.version }, value: 1 }]),
    gauge('berth_instance_up', 'Whether a process runs for the instance (1) or not (0).', instances.map((i) => ({ labels: ids(i), value: i.up ? 1 : 0 }))),
    gauge('berth_instance_ready', 'Whether the instance is online, that is ready (1) or not (0).', instances.map((i) => ({ labels: ids(i), value: i.status === 'online' ? 1 : 0 }))),
    gauge('berth_instance_status', 'The instance\'s status as `berth list` shows it; 1 for the current one.', instances.map((i) => ({ labels: { ...ids(i), status: i.status }, value: 1 }))),
    counter('berth_instance_restarts_total', 'Restarts of the instance since it was created.', instances.map((i) => ({ labels: ids(i), value: i.restarts }))),
    counter(
      'berth_instance_cpu_seconds_total',
      'CPU time (user and system) used by the instance\'s current process; starts again from 0 when the process is replaced.',
      running.filter((i) => i.cpuSeconds !== undefined).map((i) => ({ labels: ids(i), value: i.cpuSeconds! })),
    ),
    gauge('berth_instance_memory_bytes', 'Resident memory of the instance\'s process.', running.filter((i) => i.memoryBytes !== null).map((i) => ({ labels: ids(i), value: i.memoryBytes! }))),
    gauge('berth_instance_start_time_seconds', 'Start time of the instance\'s current process since the Unix epoch.', running.filter((i) => i.startTimeSeconds !== null).map((i) => ({ labels: ids(i), value: i.startTimeSeconds! }))),
    gauge('berth_app_instances_desired', 'Instances the app should run (its spec or a runtime override; 0 while stopped).', apps.map((a) => ({ labels: { app: a.name }, value: a.desired }))),
    gauge('berth_app_instances_ready', 'Instances of the app that are online.', apps.map((a) => ({ labels: { app: a.name }, value: a.ready }))),
    gauge(
      'berth_app_condition',
      'The app\'s conditions as `berth info` shows them; 1 for the current status of each type.',
      apps.flatMap((a) => a.conditions.map((c) => ({ labels: { app: a.name, type: c.type, status: c.status }, value: 1 }))),
    ),
    gauge('berth_port_allocations', 'Ports berth holds (apps, claims and manual allocations), per protocol.', [
      { labels: { protocol: 'tcp' }, value: perProtocol.tcp },
      { labels: { protocol: 'udp' }, value: perProtocol.udp },
    ]),
    gauge('berth_manifest_errors', 'Errors (one per file:line:col) in the manifests of the watched directory; 0 when every file is valid.', [{ value: input.manifestErrors }]),
    { name: 'berth_reconcile_duration_seconds', help: 'Time one reconcile of one app took.', type: 'histogram', samples: [input.reconcileDuration] },
  ];
}
