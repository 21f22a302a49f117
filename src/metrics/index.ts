/** Prometheus metrics of the controller: the text format writer, berth's families, and the scrape. */
export { renderExposition, EXPOSITION_CONTENT_TYPE, type MetricFamily } from './exposition.js';
export { Histogram, RECONCILE_BUCKETS_SECONDS } from './histogram.js';
export { berthMetrics, type MetricsInput, type InstanceMetrics } from './berth-metrics.js';
export { gatherMetrics, type MetricsSource } from './gather-metrics.js';
export { readAppRecords, summariseApps, type AppReadiness } from './app-summaries.js';
