/**
 * A writer of the Prometheus text exposition format (version 0.0.4): HELP
 * and TYPE lines, then one line per sample. berth's metrics are a few
 * families over data the controller already holds, so a small writer does
 * what prom-client would, without its 4.7 MB of dependencies (README,
 * "Observability", has the measurement).
 */

export type Labels = Readonly<Record<string, string>>;

export interface Sample {
  labels?: Labels;
  value: number;
}

/** A histogram's state: cumulative counts per upper bound (ascending, without +Inf), sum and count. */
export interface HistogramSample {
  labels?: Labels;
  buckets: readonly { le: number; count: number }[];
  sum: number;
  count: number;
}

export type MetricFamily =
  | { name: string; help: string; type: 'gauge' | 'counter'; samples: readonly Sample[] }
  | { name: string; help: string; type: 'histogram'; samples: readonly HistogramSample[] };

export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** Go's strconv.ParseFloat reads these, and Prometheus writes them this way. */
function formatValue(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '+Inf';
  if (value === -Infinity) return '-Inf';
  return String(value);
}

function escapeHelp(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
}

function escapeLabelValue(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function formatLabels(labels: Labels | undefined, extra?: [string, string]): string {
  const pairs = Object.entries(labels ?? {});
  if (extra) pairs.push(extra);
  if (pairs.length === 0) return '';
  return `{${pairs.map(([k, v]) => `${k}="${escapeLabelValue(v)}"`).join(',')}}`;
}

/**
 * @example
 * renderExposition([{ name: 'berth_manifest_errors', help: 'Invalid manifests.', type: 'gauge', samples: [{ value: 0 }] }])
 * // '# HELP berth_manifest_errors Invalid manifests.\n# TYPE berth_manifest_errors gauge\nberth_manifest_errors 0\n'
 */
export function renderExposition(families: readonly MetricFamily[]): string {
  const lines: string[] = [];
  for (const family of families) {
    lines.push(`# HELP ${family.name} ${escapeHelp(family.help)}`, `# TYPE ${family.name} ${family.type}`);
    if (family.type === 'histogram') {
      for (const sample of family.samples) {
        for (const bucket of sample.buckets) lines.push(`${family.name}_bucket${formatLabels(sample.labels, ['le', formatValue(bucket.le)])} ${bucket.count}`);
        lines.push(`${family.name}_bucket${formatLabels(sample.labels, ['le', '+Inf'])} ${sample.count}`);
        lines.push(`${family.name}_sum${formatLabels(sample.labels)} ${formatValue(sample.sum)}`);
        lines.push(`${family.name}_count${formatLabels(sample.labels)} ${sample.count}`);
      }
    } else {
      for (const sample of family.samples) lines.push(`${family.name}${formatLabels(sample.labels)} ${formatValue(sample.value)}`);
    }
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
