/**
 * HTTP probe: GET on loopback; 2xx and 3xx are healthy (kubelet's rule),
 * redirects are not followed.
 */
import http from 'node:http';
import { resolveLoopbackHost, failureMessage, type ProbeResult } from './probe-result.js';

/**
 * @example await httpProbe({ host: '127.0.0.1', port: 3000, path: '/healthz', timeoutMs: 1000 }) // { ok: true }
 */
export async function httpProbe({ host, port, path, timeoutMs, signal }: { host: string; port: number; path: string; timeoutMs: number; signal?: AbortSignal }): Promise<ProbeResult> {
  const { hostname, refused } = resolveLoopbackHost(host);
  if (refused) return refused;
  return new Promise<ProbeResult>((resolve) => {
    const req = http.get({ hostname, port, path, timeout: timeoutMs, signal, agent: false, headers: { 'user-agent': 'berth-probe', connection: 'close' } }, (res) => {
      res.resume();
      const status = res.statusCode ?? 0;
      resolve(status >= 200 && status < 400 ? { ok: true } : { ok: false, message: `HTTP ${status}` });
    });
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { name: 'TimeoutError' })));
    req.on('error', (err) => resolve({ ok: false, message: failureMessage(err, timeoutMs) }));
  });
}
