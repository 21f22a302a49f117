/**
 * The CLI side of the local API: HTTP/1.1 over the Unix socket, spoken with
 * node:net and read by http-response.ts (loading node:http's client cost
 * every CLI run ~6 ms). No listener fails fast with CONTROLLER_UNAVAILABLE,
 * so read commands can fall back to the store and say so.
 */
import net from 'node:net';
import path from 'node:path';
import { BerthError, type ErrorCode } from '../errors.js';
import { parseHttpResponse, type HttpResponse } from './http-response.js';
import type { ActOptions, AppAction, AppInfo, AppsOverview, ControllerStatus, InstanceView, ListState } from './api-types.js';

export function socketPathFor(home: string): string {
  return path.join(home, 'berth.sock');
}

export class ControllerUnavailableError extends BerthError {
  constructor(home: string) {
    super('CONTROLLER_UNAVAILABLE', `no controller is running for ${home} (start one with \`berth up\`)`);
  }
}

/** The JSON of an answer; `{error: {code, message}}` (what the server sends with a 4xx/5xx) becomes that BerthError. */
function answerOf<T>(response: HttpResponse, route: string): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(response.body.toString('utf8'));
  } catch {
    throw new BerthError('INTERNAL', `controller sent an unreadable answer to ${route} (HTTP ${response.status})`);
  }
  const error = (parsed as { error?: { code: ErrorCode; message: string } } | null)?.error;
  if (error) throw new BerthError(error.code, error.message);
  if (response.status >= 300) throw new BerthError('INTERNAL', `controller answered ${route} with HTTP ${response.status}`);
  return parsed as T;
}

export class ApiClient {
  constructor(readonly home: string, private readonly timeoutMs = 30_000) {}

  /** One exchange per connection (`Connection: close`): the answer is whole once the controller closes. */
  private request<T>(method: 'GET' | 'POST', route: string, body?: unknown, timeoutMs = this.timeoutMs): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const payload = body === undefined ? '' : JSON.stringify(body);
      const head = [`${method} ${route} HTTP/1.1`, 'host: berth', 'connection: close'];
      if (payload) head.push('content-type: application/json', `content-length: ${Buffer.byteLength(payload)}`);
      const socket = net.connect(socketPathFor(this.home));
      const chunks: Buffer[] = [];
      socket.setTimeout(timeoutMs, () => socket.destroy(new BerthError('CONTROLLER_UNAVAILABLE', `controller did not answer ${route} within ${timeoutMs} ms`)));
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('end', () => {
        // closed before a byte of answer (shutting down, or not an HTTP server): as unreachable as a refused connect
        if (chunks.length === 0) return reject(new BerthError('CONTROLLER_UNAVAILABLE', `cannot reach the controller: it closed the connection without answering ${route}`));
        try {
          resolve(answerOf<T>(parseHttpResponse(Buffer.concat(chunks)), route));
        } catch (err) {
          reject(err instanceof BerthError ? err : new BerthError('INTERNAL', `controller sent an unreadable answer to ${route}: ${(err as Error).message}`));
        }
      });
      socket.on('error', (err: NodeJS.ErrnoException) => {
        if (err instanceof BerthError) reject(err);
        else if (err.code === 'ENOENT' || err.code === 'ECONNREFUSED') reject(new ControllerUnavailableError(this.home));
        else if (err.code === 'EACCES') reject(new BerthError('CONTROLLER_UNAVAILABLE', `permission denied on ${socketPathFor(this.home)} (a controller of another user?)`, { cause: err }));
        else reject(new BerthError('CONTROLLER_UNAVAILABLE', `cannot reach the controller: ${err.message}`, { cause: err }));
      });
      socket.write(`${head.join('\r\n')}\r\n\r\n${payload}`);
    });
  }

  status(timeoutMs?: number): Promise<ControllerStatus> {
    return this.request('GET', '/v1/status', undefined, timeoutMs);
  }

  listInstances(): Promise<InstanceView[]> {
    return this.request('GET', '/v1/instances');
  }

  appInfo(name: string): Promise<AppInfo> {
    return this.request('GET', `/v1/apps/${encodeURIComponent(name)}`);
  }

  listApps(): Promise<AppsOverview> {
    return this.request('GET', '/v1/apps');
  }

  /** Instances, apps and warnings in one round trip; from a controller older than GET /v1/list, in three. */
  async listState(): Promise<ListState> {
    try {
      return await this.request<ListState>('GET', '/v1/list');
    } catch (err) {
      if (!(err instanceof BerthError && err.code === 'NOT_FOUND')) throw err;
      const [instances, overview, status] = await Promise.all([this.listInstances(), this.listApps(), this.status(2_000)]);
      return { instances, overview, warnings: status.warnings ?? [] };
    }
  }

  act(name: string, action: AppAction, options: ActOptions = {}): Promise<{ message: string }> {
    return this.request('POST', `/v1/apps/${encodeURIComponent(name)}/${action}`, options, 10 * 60_000);
  }

  reconcileNow(name?: string): Promise<void> {
    return this.request('POST', '/v1/reconcile', { name });
  }

  shutdown(stopApps: boolean): Promise<void> {
    return this.request('POST', '/v1/shutdown', { stopApps });
  }

  /** True when a controller answers on the socket. */
  async isRunning(): Promise<boolean> {
    try {
      await this.status(2_000);
      return true;
    } catch {
      return false;
    }
  }
}
