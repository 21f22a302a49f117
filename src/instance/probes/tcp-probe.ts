/**
 * TCP probe: healthy when a connection to the port is accepted. Also the
 * default readiness check of an instance that has a port.
 */
import net from 'node:net';
import { resolveLoopbackHost, type ProbeResult } from './probe-result.js';

/**
 * @example await tcpProbe({ host: '127.0.0.1', port: 3000, timeoutMs: 500 }) // { ok: false, message: 'connect ECONNREFUSED 127.0.0.1:3000' }
 */
export async function tcpProbe({ host, port, timeoutMs, signal }: { host: string; port: number; timeoutMs: number; signal?: AbortSignal }): Promise<ProbeResult> {
  const { hostname, refused } = resolveLoopbackHost(host);
  if (refused) return refused;
  return new Promise<ProbeResult>((resolve) => {
    const socket = net.connect({ host: hostname, port });
    const done = (result: ProbeResult) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(result);
    };
    const onAbort = () => done({ ok: false, message: 'aborted' });
    const timer = setTimeout(() => done({ ok: false, message: `timed out after ${timeoutMs} ms` }), timeoutMs);
    signal?.addEventListener('abort', onAbort, { once: true });
    socket.once('connect', () => done({ ok: true }));
    socket.once('error', (err) => done({ ok: false, message: err.message }));
  });
}
