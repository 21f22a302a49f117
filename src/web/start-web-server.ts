/**
 * `berth up --web [HOST:]PORT`: the dashboard, the live feed and /metrics,
 * served by the controller itself. Nothing of it exists unless --web is
 * given; `close()` stops the feed and the server.
 */
import http from 'node:http';
import type { Logger } from 'pino';
import type { Store } from '../store/store.js';
import type { Histogram } from '../metrics/histogram.js';
import { ensureWebToken } from './web-token.js';
import { BerthError } from '../errors.js';
import { isLoopbackHost, webUrl, type WebAddress } from './web-address.js';
import { LiveFeed } from './live-feed.js';
import { loadStaticFiles } from './static-files.js';
import { createWebHandler, type WebController } from './web-routes.js';

export interface StartWebServerOptions {
  address: WebAddress;
  home: string;
  controller: WebController;
  store: Store;
  /** Fed by the controller's observeReconcile. */
  reconcileDuration: Histogram;
  logger: Pick<Logger, 'warn' | 'error' | 'info'>;
  /** Feed period (tests shorten it). */
  feedIntervalMs?: number;
}

export interface WebServer {
  /** http://host:port/ without the token. */
  url: string;
  port: number;
  feed: LiveFeed;
  close(): Promise<void>;
}

/**
 * @example
 * const web = await startWebServer({ address: { host: '127.0.0.1', port: 9615 }, home, controller, store, reconcileDuration, logger });
 * // later: await web.close();
 */
export async function startWebServer({ address, home, controller, store, reconcileDuration, logger, feedIntervalMs }: StartWebServerOptions): Promise<WebServer> {
  const token = ensureWebToken(home);
  const onError = (err: unknown) => logger.error({ err }, 'dashboard error');
  const feed = new LiveFeed({ source: controller, store, onError, ...(feedIntervalMs ? { intervalMs: feedIntervalMs } : {}) });
  const server = http.createServer();
  // A browser's keep-alive connection must not hold `berth down` up.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      const why = err.code === 'EADDRINUSE' ? 'the port is already in use' : err.code === 'EADDRNOTAVAIL' ? 'no such address on this host' : err.message;
      reject(new BerthError('USAGE', `--web ${address.host}:${address.port}: ${why}`, { cause: err }));
    });
    server.listen({ host: address.host, port: address.port }, () => {
      server.removeAllListeners('error');
      server.on('error', onError);
      resolve();
    });
  });
  const port = (server.address() as { port: number }).port;
  server.on('request', createWebHandler({ token, port, home, controller, store, feed, reconcileDuration, files: loadStaticFiles(), onError }));
  feed.start();
  const url = webUrl({ host: address.host, port });
  store.meta.set('web_url', url);
  if (!isLoopbackHost(address.host)) {
    logger.warn(`the dashboard listens on ${address.host}:${port}, reachable from other hosts over plain HTTP: anyone with the token can stop your apps. Prefer 127.0.0.1 and an SSH tunnel or a TLS proxy.`);
  }
  logger.info({ url }, `dashboard on ${url} (\`berth dashboard\` prints it with the token); metrics on ${url}metrics`);
  return {
    url,
    port,
    feed,
    close: () =>
      new Promise<void>((resolve) => {
        feed.stop();
        server.close(() => resolve());
        // Event streams never end by themselves.
        server.closeAllConnections();
      }),
  };
}
