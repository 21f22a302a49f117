// The CLI's API client against real servers on a Unix socket: node:http's
// server as the controller runs it (chunked and sized answers, error
// answers, POST bodies), and sockets that misbehave (refuse, never answer,
// close without a word, speak something else).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestContext } from 'node:test';
import { ApiClient, ControllerUnavailableError, socketPathFor } from '../../src/api/api-client.js';
import { BerthError } from '../../src/errors.js';

async function tempHome(t: TestContext): Promise<string> {
  const home = await mkdtemp(path.join(tmpdir(), 'berth-api-client-'));
  t.after(() => rm(home, { recursive: true, force: true }));
  return home;
}

interface Seen {
  method?: string;
  url?: string;
  headers?: http.IncomingHttpHeaders;
  body?: string;
}

/** An HTTP server on `<home>/berth.sock`; `answer` writes the response. */
async function serve(t: TestContext, answer: (req: http.IncomingMessage, res: http.ServerResponse, body: string) => void): Promise<{ home: string; seen: Seen[] }> {
  const home = await tempHome(t);
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      answer(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(socketPathFor(home), resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { home, seen };
}

/** A raw server: `onConnection` gets each socket as it is. */
async function serveRaw(t: TestContext, onConnection: (socket: net.Socket) => void): Promise<string> {
  const home = await tempHome(t);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(socketPathFor(home), resolve));
  t.after(() => {
    for (const socket of sockets) socket.destroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return home;
}

const rejectsWith = (promise: Promise<unknown>, code: string, message: RegExp) =>
  assert.rejects(promise, (err: unknown) => err instanceof BerthError && err.code === code && message.test(err.message));

test('answers arrive whole, chunked (as the controller sends them) or sized, 2000 rows or a few', async (t) => {
  const views = Array.from({ length: 2000 }, (_, i) => ({ app: 'web', instance: i, status: 'online' }));
  const { home, seen } = await serve(t, (req, res) => {
    const body = req.url === '/v1/apps' ? JSON.stringify({ apps: [], manifestErrors: ['x:1:1'] }) : JSON.stringify(views);
    // node:http sends chunked unless told the length
    res.writeHead(200, { 'content-type': 'application/json', ...(req.url === '/v1/apps' ? { 'content-length': Buffer.byteLength(body) } : {}) });
    res.end(body);
  });
  const client = new ApiClient(home);
  assert.deepEqual(await client.listInstances(), views);
  assert.deepEqual(await client.listApps(), { apps: [], manifestErrors: ['x:1:1'] });
  assert.equal(seen[0]!.method, 'GET');
  assert.equal(seen[0]!.url, '/v1/instances');
  assert.equal(seen[0]!.headers!.connection, 'close');
});

test('a POST carries its JSON body; names are escaped in the path', async (t) => {
  const { home, seen } = await serve(t, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ message: 'app/web restarted' }));
  });
  assert.deepEqual(await new ApiClient(home).act('we b', 'restart', { port: '4000-4003', instance: 2 }), { message: 'app/web restarted' });
  assert.equal(seen[0]!.method, 'POST');
  assert.equal(seen[0]!.url, '/v1/apps/we%20b/restart');
  assert.equal(seen[0]!.headers!['content-type'], 'application/json');
  assert.deepEqual(JSON.parse(seen[0]!.body!), { port: '4000-4003', instance: 2 });
});

test('an error answer becomes the controller\'s own error; other failures say what came back', async (t) => {
  const { home } = await serve(t, (req, res) => {
    if (req.url === '/v1/apps/ghost') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'NOT_FOUND', message: 'app "ghost" not found' } }));
    } else if (req.url === '/v1/status') {
      res.writeHead(502);
      res.end('<html>bad gateway</html>');
    } else {
      res.writeHead(503, { 'content-type': 'application/json' });
      res.end('{}');
    }
  });
  const client = new ApiClient(home);
  await rejectsWith(client.appInfo('ghost'), 'NOT_FOUND', /^app "ghost" not found$/);
  await rejectsWith(client.status(), 'INTERNAL', /^controller sent an unreadable answer to \/v1\/status \(HTTP 502\)$/);
  await rejectsWith(client.listApps(), 'INTERNAL', /^controller answered \/v1\/apps with HTTP 503$/);
});

test('list state comes in one request, or in three from a controller without GET /v1/list', async (t) => {
  const overview = { apps: [{ name: 'web', kind: 'App', labels: {}, desiredState: 'running' }], manifestErrors: [] };
  const state = { instances: [{ app: 'web', instance: 0 }], overview, warnings: ['manifest directory gone'] };
  const modern = await serve(t, (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(state));
  });
  assert.deepEqual(await new ApiClient(modern.home).listState(), state);
  assert.deepEqual(modern.seen.map((s) => s.url), ['/v1/list']);

  const older = await serve(t, (req, res) => {
    const body: Record<string, unknown> = { '/v1/instances': state.instances, '/v1/apps': overview, '/v1/status': { pid: 1, warnings: state.warnings } };
    res.writeHead(req.url! in body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body[req.url!] ?? { error: { code: 'NOT_FOUND', message: `API route GET ${req.url} not found` } }));
  });
  assert.deepEqual(await new ApiClient(older.home).listState(), state);
  assert.deepEqual(older.seen.map((s) => s.url).sort(), ['/v1/apps', '/v1/instances', '/v1/list', '/v1/status']);
});

test('no controller: no socket, or a socket file nobody listens on, is CONTROLLER_UNAVAILABLE', async (t) => {
  const home = await tempHome(t);
  await assert.rejects(new ApiClient(home).status(), (err: unknown) => err instanceof ControllerUnavailableError && /no controller is running for/.test((err as Error).message));
  await writeFile(socketPathFor(home), ''); // connect(2) to what is not a listening socket: ECONNREFUSED
  await assert.rejects(new ApiClient(home).status(), ControllerUnavailableError);
});

test('a controller that never answers, or closes without a word, is unavailable; one that speaks something else is unreadable', async (t) => {
  const silent = await serveRaw(t, () => {});
  await rejectsWith(new ApiClient(silent, 100).listInstances(), 'CONTROLLER_UNAVAILABLE', /^controller did not answer \/v1\/instances within 100 ms$/);
  const closing = await serveRaw(t, (socket) => socket.once('data', () => socket.end()));
  await rejectsWith(new ApiClient(closing).listInstances(), 'CONTROLLER_UNAVAILABLE', /closed the connection without answering \/v1\/instances/);
  const other = await serveRaw(t, (socket) => socket.once('data', () => socket.end('SSH-2.0-OpenSSH_9.6\r\n')));
  await rejectsWith(new ApiClient(other).listInstances(), 'INTERNAL', /^controller sent an unreadable answer to \/v1\/instances: response ends inside its headers$/);
});
