// berth's metric families from plain data: names, types and labels as
// SPEC.md fixes them, checked through a strict parser and, when installed,
// `promtool check metrics`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { berthMetrics, type MetricsInput } from '../../src/metrics/berth-metrics.js';
import { renderExposition } from '../../src/metrics/exposition.js';
import { Histogram, RECONCILE_BUCKETS_SECONDS } from '../../src/metrics/histogram.js';
import { parseExposition, type ParsedFamily } from '../helpers/parse-exposition.js';
import { hasPromtool, promtoolCheckMetrics, PROMTOOL_MISSING } from '../helpers/promtool.js';

function input(): MetricsInput {
  const reconcile = new Histogram(RECONCILE_BUCKETS_SECONDS);
  reconcile.observe(0.004);
  reconcile.observe(1.7);
  return {
    version: '1.2.3',
    instances: [
      { app: 'web', instance: 0, status: 'online', up: true, restarts: 2, cpuSeconds: 12.34, memoryBytes: 48_234_496, startTimeSeconds: 1_764_000_000.5 },
      { app: 'web', instance: 1, status: 'crashloop', up: false, restarts: 7, memoryBytes: null, startTimeSeconds: null },
    ],
    apps: [
      { name: 'web', kind: 'App', desired: 2, ready: 1, conditions: [{ type: 'Ready', status: 'False', reason: 'InstancesFailing', message: '1/2 ready', lastTransitionTime: '' }] },
      { name: 'dns', kind: 'PortClaim', desired: 0, ready: 0, conditions: [] },
    ],
    allocations: [{ protocol: 'tcp' }, { protocol: 'tcp' }, { protocol: 'udp' }],
    manifestErrors: 1,
    reconcileDuration: reconcile.sample(),
  };
}

const samples = (family: ParsedFamily | undefined) => (family ?? assert.fail('family missing')).samples.map((s) => ({ ...s.labels, value: s.value }));

test('every metric SPEC.md names, with its type and labels', () => {
  const families = parseExposition(renderExposition(berthMetrics(input())));
  const types = Object.fromEntries([...families.values()].map((f) => [f.name, f.type]));
  assert.deepEqual(
    {
      berth_instance_up: types.berth_instance_up,
      berth_instance_restarts_total: types.berth_instance_restarts_total,
      berth_instance_cpu_seconds_total: types.berth_instance_cpu_seconds_total,
      berth_instance_memory_bytes: types.berth_instance_memory_bytes,
      berth_instance_start_time_seconds: types.berth_instance_start_time_seconds,
      berth_app_instances_desired: types.berth_app_instances_desired,
      berth_app_instances_ready: types.berth_app_instances_ready,
      berth_port_allocations: types.berth_port_allocations,
      berth_reconcile_duration_seconds: types.berth_reconcile_duration_seconds,
      berth_manifest_errors: types.berth_manifest_errors,
    },
    {
      berth_instance_up: 'gauge',
      berth_instance_restarts_total: 'counter',
      berth_instance_cpu_seconds_total: 'counter',
      berth_instance_memory_bytes: 'gauge',
      berth_instance_start_time_seconds: 'gauge',
      berth_app_instances_desired: 'gauge',
      berth_app_instances_ready: 'gauge',
      berth_port_allocations: 'gauge',
      berth_reconcile_duration_seconds: 'histogram',
      berth_manifest_errors: 'gauge',
    },
  );
  for (const family of families.values()) {
    if (family.type === 'counter') assert.match(family.name, /_total$/, `${family.name}: counters end in _total`);
    else assert.doesNotMatch(family.name, /_total$/, `${family.name}: only counters end in _total`);
  }

  assert.deepEqual(samples(families.get('berth_instance_up')), [{ app: 'web', instance: '0', value: 1 }, { app: 'web', instance: '1', value: 0 }]);
  assert.deepEqual(samples(families.get('berth_instance_restarts_total')), [{ app: 'web', instance: '0', value: 2 }, { app: 'web', instance: '1', value: 7 }]);
  // Only a running process has CPU time, memory and a start time.
  assert.deepEqual(samples(families.get('berth_instance_cpu_seconds_total')), [{ app: 'web', instance: '0', value: 12.34 }]);
  assert.deepEqual(samples(families.get('berth_instance_memory_bytes')), [{ app: 'web', instance: '0', value: 48_234_496 }]);
  assert.deepEqual(samples(families.get('berth_instance_start_time_seconds')), [{ app: 'web', instance: '0', value: 1_764_000_000.5 }]);
  assert.deepEqual(samples(families.get('berth_instance_status')), [{ app: 'web', instance: '0', status: 'online', value: 1 }, { app: 'web', instance: '1', status: 'crashloop', value: 1 }]);
  // PortClaims run nothing: no app series for them.
  assert.deepEqual(samples(families.get('berth_app_instances_desired')), [{ app: 'web', value: 2 }]);
  assert.deepEqual(samples(families.get('berth_app_instances_ready')), [{ app: 'web', value: 1 }]);
  assert.deepEqual(samples(families.get('berth_app_condition')), [{ app: 'web', type: 'Ready', status: 'False', value: 1 }]);
  assert.deepEqual(samples(families.get('berth_port_allocations')), [{ protocol: 'tcp', value: 2 }, { protocol: 'udp', value: 1 }]);
  assert.deepEqual(samples(families.get('berth_manifest_errors')), [{ value: 1 }]);
  assert.deepEqual(samples(families.get('berth_build_info')), [{ version: '1.2.3', value: 1 }]);

  const histogram = families.get('berth_reconcile_duration_seconds')!.samples;
  assert.equal(histogram.find((s) => s.name === 'berth_reconcile_duration_seconds_count')!.value, 2);
  assert.equal(histogram.find((s) => s.labels.le === '0.005')!.value, 1);
  assert.equal(histogram.find((s) => s.labels.le === '+Inf')!.value, 2);
});

test('promtool check metrics accepts the exposition without a warning', (t) => {
  if (!hasPromtool()) return t.skip(PROMTOOL_MISSING);
  const result = promtoolCheckMetrics(renderExposition(berthMetrics(input())));
  assert.equal(result.output, '');
  assert.equal(result.code, 0);
});

test('promtool rejects what berth must not write (the check has teeth)', (t) => {
  if (!hasPromtool()) return t.skip(PROMTOOL_MISSING);
  const bad = renderExposition([{ name: 'berth_restarts', help: 'Restarts.', type: 'counter', samples: [{ value: 1 }] }]);
  const result = promtoolCheckMetrics(bad);
  assert.notEqual(result.code, 0);
  assert.match(result.output, /_total/);
});
