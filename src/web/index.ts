/**
 * The dashboard, as `berth up --web` uses it: parse the address first (a bad
 * one is a usage error before anything starts), time reconciles from the
 * start, then serve once the controller runs.
 */
import { Histogram, RECONCILE_BUCKETS_SECONDS } from '../metrics/histogram.js';
import { parseWebAddress } from './web-address.js';
import { startWebServer, type StartWebServerOptions, type WebServer } from './start-web-server.js';

export { startWebServer, type WebServer } from './start-web-server.js';
export { parseWebAddress, DEFAULT_WEB_ADDRESS, webUrl, isLoopbackHost } from './web-address.js';
export { readWebToken, ensureWebToken, webTokenPath } from './web-token.js';

export interface PreparedWeb {
  /** The Controller's observeReconcile. */
  observeReconcile: (seconds: number) => void;
  start(options: Omit<StartWebServerOptions, 'address' | 'reconcileDuration'>): Promise<WebServer>;
}

/**
 * @example
 * const web = prepareWeb('127.0.0.1:9615');
 * const controller = new Controller({ ..., observeReconcile: web.observeReconcile });
 * const server = await web.start({ home, controller, store, logger });
 */
export function prepareWeb(addressText: string): PreparedWeb {
  const address = parseWebAddress(addressText);
  const reconcileDuration = new Histogram(RECONCILE_BUCKETS_SECONDS);
  return {
    observeReconcile: (seconds) => reconcileDuration.observe(seconds),
    start: (options) => startWebServer({ ...options, address, reconcileDuration }),
  };
}
