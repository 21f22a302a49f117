/**
 * The controller's local API: HTTP/1.1 over the Unix socket
 * `<home>/berth.sock`, mode 0600 so only the owner can drive the controller.
 * JSON in and out; errors as {error: {code, message}} with the BerthError's
 * code, so the CLI prints the same sentence the controller formed.
 */
import http from 'node:http';
import { chmod, rm } from 'node:fs/promises';
import { BerthError, NotFoundError, UsageError, toBerthError } from '../errors.js';
import type { AppAction, ControllerApi, ListState } from './api-types.js';

const ACTIONS = new Set<AppAction>(['restart', 'reload', 'stop', 'start']);

/** The HTTP status of an error answer (the dashboard's server answers the same way). */
export function statusFor(err: BerthError): number {
  if (err.code === 'NOT_FOUND') return 404;
  if (err.code === 'USAGE' || err.code.startsWith('PORT_') || err.code.startsWith('MANIFEST_')) return 400;
  return 500;
}

async function readJson(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new UsageError('request body is not JSON');
  }
}

async function listState(api: ControllerApi): Promise<ListState> {
  const [instances, overview] = await Promise.all([api.listInstances(), api.listApps()]);
  return { instances, overview, warnings: api.status().warnings ?? [] };
}

async function route(api: ControllerApi, req: http.IncomingMessage): Promise<unknown> {
  const url = new URL(req.url ?? '/', 'http://berth');
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] !== 'v1') throw new NotFoundError(`API path ${url.pathname}`);
  const [, resource, name, action] = parts;
  if (req.method === 'GET' && resource === 'status') return api.status();
  if (req.method === 'GET' && resource === 'instances') return api.listInstances();
  if (req.method === 'GET' && resource === 'list') return listState(api);
  if (req.method === 'GET' && resource === 'apps' && !name) return api.listApps();
  if (req.method === 'GET' && resource === 'apps' && name) return api.appInfo(decodeURIComponent(name));
  if (req.method === 'POST' && resource === 'apps' && name && action && ACTIONS.has(action as AppAction)) {
    const body = await readJson(req);
    const instance = typeof body.instance === 'number' ? body.instance : undefined;
    return api.act(decodeURIComponent(name), action as AppAction, { port: typeof body.port === 'string' ? body.port : undefined, instance });
  }
  if (req.method === 'POST' && resource === 'reconcile') {
    const body = await readJson(req);
    await api.reconcileNow(typeof body.name === 'string' ? body.name : undefined);
    return { ok: true };
  }
  if (req.method === 'POST' && resource === 'shutdown') {
    const body = await readJson(req);
    // Answer first: the controller exits once the apps are stopped.
    setImmediate(() => void api.shutdown({ stopApps: body.stopApps !== false }));
    return { ok: true };
  }
  throw new NotFoundError(`API route ${req.method} ${url.pathname}`);
}

/** JSON with its length, so neither side frames chunks. */
function answer(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export interface ApiServer {
  close(): Promise<void>;
}

export async function startApiServer(api: ControllerApi, socketPath: string, onError: (err: unknown) => void = () => {}): Promise<ApiServer> {
  const server = http.createServer((req, res) => {
    route(api, req).then(
      (body) => answer(res, 200, body ?? null),
      (err: unknown) => {
        const error = toBerthError(err);
        if (!(err instanceof BerthError)) onError(err);
        answer(res, statusFor(error), { error: error.toJSON() });
      },
    );
  });
  await rm(socketPath, { force: true });
  const oldUmask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(socketPath, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } finally {
    process.umask(oldUmask);
  }
  await chmod(socketPath, 0o600);
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
        void rm(socketPath, { force: true });
      }),
  };
}
