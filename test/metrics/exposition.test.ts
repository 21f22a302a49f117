// The text format writer: HELP/TYPE lines, escaping, special values, histograms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderExposition } from '../../src/metrics/exposition.js';
import { Histogram } from '../../src/metrics/histogram.js';
import { parseExposition } from '../helpers/parse-exposition.js';

test('gauges and counters: HELP, TYPE, one line per sample, labels quoted and escaped', () => {
  const text = renderExposition([
    { name: 'x_up', help: 'Up or not.\nSecond line \\ with a backslash.', type: 'gauge', samples: [{ labels: { app: 'we"b', path: 'C:\\x\ny' }, value: 1 }] },
    { name: 'x_restarts_total', help: 'Restarts.', type: 'counter', samples: [{ value: 3 }, { labels: { app: 'a' }, value: 0.5 }] },
  ]);
  assert.equal(
    text,
    [
      '# HELP x_up Up or not.\\nSecond line \\\\ with a backslash.',
      '# TYPE x_up gauge',
      'x_up{app="we\\"b",path="C:\\\\x\\ny"} 1',
      '# HELP x_restarts_total Restarts.',
      '# TYPE x_restarts_total counter',
      'x_restarts_total 3',
      'x_restarts_total{app="a"} 0.5',
      '',
    ].join('\n'),
  );
  const parsed = parseExposition(text);
  assert.deepEqual(parsed.get('x_up')!.samples[0]!.labels, { app: 'we"b', path: 'C:\\x\ny' });
});

test('NaN and infinities are written as Prometheus spells them', () => {
  const text = renderExposition([{ name: 'v', help: 'h', type: 'gauge', samples: [{ value: NaN }, { labels: { a: '1' }, value: Infinity }, { labels: { a: '2' }, value: -Infinity }] }]);
  assert.match(text, /^v NaN$/m);
  assert.match(text, /^v\{a="1"\} \+Inf$/m);
  assert.match(text, /^v\{a="2"\} -Inf$/m);
});

test('a histogram renders cumulative buckets, +Inf, _sum and _count', () => {
  const histogram = new Histogram([0.1, 1, 10]);
  for (const v of [0.05, 0.1, 0.5, 20]) histogram.observe(v);
  const text = renderExposition([{ name: 'd_seconds', help: 'Durations.', type: 'histogram', samples: [histogram.sample()] }]);
  const family = parseExposition(text).get('d_seconds')!;
  assert.equal(family.type, 'histogram');
  const buckets = family.samples.filter((s) => s.name === 'd_seconds_bucket').map((s) => [s.labels.le, s.value]);
  assert.deepEqual(buckets, [['0.1', 2], ['1', 3], ['10', 3], ['+Inf', 4]]);
  assert.equal(family.samples.find((s) => s.name === 'd_seconds_count')!.value, 4);
  assert.equal(family.samples.find((s) => s.name === 'd_seconds_sum')!.value, 20.65);
});

test('histogram bounds must increase; non-finite observations are ignored', () => {
  assert.throws(() => new Histogram([1, 1]), /must increase/);
  const histogram = new Histogram([1]);
  histogram.observe(NaN);
  histogram.observe(Infinity);
  assert.equal(histogram.sample().count, 0);
});

test('no families, no bytes', () => {
  assert.equal(renderExposition([]), '');
});
