/**
 * The dashboard server's routes. Open: `GET /metrics`, `GET /healthz`.
 * Behind the token: the page, `GET /api/state`, the live feed
 * (`/api/stream`), an app's detail, an instance's log tail, and the actions
 * (POST, JSON only: a cross-site form cannot send them).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Store } from '../store/store.js';
import type { AppAction, ControllerApi } from '../api/api-types.js';
import { BerthError, NotFoundError, UsageError, toBerthError } from '../errors.js';
import { statusFor } from '../api/api-server.js';
import { gatherMetrics } from '../metrics/gather-metrics.js';
import { EXPOSITION_CONTENT_TYPE } from '../metrics/exposition.js';
import type { Histogram } from '../metrics/histogram.js';
import { scaleApp } from '../apply/scale-app.js';
import { authenticate, isPublicRoute } from './auth.js';
import { DashboardStateReader, type DashboardSource } from './dashboard-state.js';
import type { LiveFeed } from './live-feed.js';
import { streamInstanceLogs } from './log-stream.js';
import { openEventStream } from './sse.js';
import type { StaticFile } from './static-files.js';

/** The controller as the dashboard uses it. */
export type WebController = DashboardSource & Pick<ControllerApi, 'appInfo' | 'act'>;

export interface WebRoutesOptions {
  token: string;
  port: number;
  home: string;
  controller: WebController;
  store: Store;
  feed: LiveFeed;
  reconcileDuration: Histogram;
  files: Map<string, StaticFile>;
  onError: (err: unknown) => void;
}

const ACTIONS = new Set<string>(['restart', 'reload', 'stop', 'start']);

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

class HttpError extends BerthError {
  constructor(readonly status: number, message: string) {
    super('USAGE', message);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body ?? null));
}

async function readJsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw new HttpError(415, 'send the request body as application/json');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 64 * 1024) throw new HttpError(413, 'request body over 64 KiB');
    chunks.push(chunk as Buffer);
  }
  try {
    const body = chunks.length === 0 ? {} : (JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown);
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new Error('not an object');
    return body as Record<string, unknown>;
  } catch {
    throw new UsageError('request body is not a JSON object');
  }
}

/** A browser always sends Origin on POST: it must be this very server (defence in depth next to SameSite). */
function checkSameOrigin(req: IncomingMessage): void {
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${req.headers.host}`) throw new HttpError(403, `cross-origin request from ${origin} refused`);
}

function denied(res: ServerResponse, pathname: string): void {
  const message = 'a token is required: open the URL `berth dashboard` prints, or send Authorization: Bearer TOKEN (<home>/web-token)';
  res.setHeader('www-authenticate', 'Bearer realm="berth"');
  if (pathname.startsWith('/api/')) return sendJson(res, 401, { error: { code: 'UNAUTHORIZED', message } });
  res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(`401 Unauthorized: ${message}\n`);
}

/**
 * @example http.createServer(createWebHandler({ token, port, home, controller, store, feed, reconcileDuration, files, onError }))
 */
export function createWebHandler(opts: WebRoutesOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    route(opts, req, res).catch((err: unknown) => {
      const error = toBerthError(err);
      if (!(err instanceof BerthError)) opts.onError(err);
      if (res.headersSent) return void res.end();
      sendJson(res, err instanceof HttpError ? err.status : statusFor(error), { error: error.toJSON() });
    });
  };
}

async function route(opts: WebRoutesOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://berth');
  const { pathname } = url;
  if (isPublicRoute(req.method, pathname)) {
    if (pathname === '/healthz') return sendJson(res, 200, { ok: true, pid: process.pid });
    const text = await gatherMetrics({ source: opts.controller, store: opts.store, reconcileDuration: opts.reconcileDuration });
    res.writeHead(200, { 'content-type': EXPOSITION_CONTENT_TYPE, 'cache-control': 'no-store' });
    return void res.end(text);
  }
  const auth = authenticate(req, url, opts.token, opts.port);
  if (!auth.ok) return denied(res, pathname);
  if (auth.via === 'query') {
    // Keep the token out of the address bar, history and Referer: the cookie carries it from now on.
    url.searchParams.delete('token');
    res.writeHead(303, { 'set-cookie': auth.setCookie, location: `${pathname}${url.search}` });
    return void res.end();
  }
  const [, area, ...rest] = pathname.split('/');
  if (req.method === 'GET' && area !== 'api') {
    const file = opts.files.get(pathname);
    if (!file) throw new NotFoundError(`page ${pathname}`);
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-cache' });
    return void res.end(file.body);
  }
  const parts = rest.map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      throw new HttpError(400, `bad escape in ${pathname}`);
    }
  });
  if (req.method === 'GET') return get(opts, res, parts, url);
  if (req.method === 'POST' && parts[0] === 'apps' && parts.length === 3) {
    checkSameOrigin(req);
    const body = await readJsonBody(req);
    const [, name, action] = parts as [string, string, string];
    if (action === 'scale') {
      const message = await scaleApp({ home: opts.home, dir: opts.controller.status().dir, name, count: String(body.instances) });
      return sendJson(res, 200, { message });
    }
    if (!ACTIONS.has(action)) throw new NotFoundError(`action "${action}"`);
    return sendJson(res, 200, await opts.controller.act(name, action as AppAction, {}));
  }
  throw new HttpError(404, `no route ${req.method} ${pathname}`);
}

/** Runs a stream until the browser goes away, even if it left while the stream was starting. */
async function whileOpen(res: ServerResponse, start: () => Promise<() => void>): Promise<void> {
  let stop: (() => void) | undefined;
  let closed = false;
  res.on('close', () => {
    closed = true;
    stop?.();
  });
  stop = await start();
  if (closed) stop();
}

async function get(opts: WebRoutesOptions, res: ServerResponse, parts: string[], url: URL): Promise<void> {
  const [what, name, index] = parts;
  if (what === 'state' && parts.length === 1) {
    return sendJson(res, 200, new DashboardStateReader(opts.controller, opts.store).read(await opts.controller.listInstances()));
  }
  if (what === 'stream' && parts.length === 1) {
    const send = openEventStream(res);
    return whileOpen(res, () => opts.feed.connect(send));
  }
  if (what === 'apps' && name && parts.length === 2) return sendJson(res, 200, await opts.controller.appInfo(name));
  if (what === 'logs' && name && index !== undefined && /^\d+$/.test(index) && parts.length === 3) {
    const lines = Number(url.searchParams.get('lines') ?? 200);
    // Validate before the stream opens, so an unknown app is a plain 404.
    if (!opts.store.apps.get(name)) throw new NotFoundError(`app "${name}"`);
    const send = openEventStream(res);
    return whileOpen(res, () => streamInstanceLogs({
      store: opts.store,
      home: opts.home,
      app: name,
      index: Number(index),
      lines: Number.isInteger(lines) && lines >= 0 && lines <= 5_000 ? lines : 200,
      onLine: (line) => send('line', JSON.stringify(line)),
      onError: opts.onError,
    }));
  }
  throw new HttpError(404, `no route GET ${url.pathname}`);
}
