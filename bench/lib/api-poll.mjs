// Asks a running controller over its Unix socket from inside the benchmark
// process (GET /v1/instances, /v1/apps), so waiting for "all online" costs no CLI
// process per poll: at 1000 instances a `berth list` every 200 ms was a
// second CPU-heavy process competing with the spawns being timed.
import http from 'node:http';
import path from 'node:path';

/** GET `route` of the controller's API, parsed; undefined when it does not answer. */
function apiGet(home, route, timeoutMs) {
  return new Promise((resolve) => {
    const req = http.get({ socketPath: path.join(home, 'berth.sock'), path: route, timeout: timeoutMs }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch {
          resolve(undefined);
        }
      });
      res.on('error', () => resolve(undefined));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
  });
}

/** The controller's instance views (GET /v1/instances), or undefined when it does not answer. */
export const apiInstances = (home, timeoutMs = 10_000) => apiGet(home, '/v1/instances', timeoutMs);

/** Every app and manifest error (GET /v1/apps), or undefined. */
export const apiApps = (home, timeoutMs = 10_000) => apiGet(home, '/v1/apps', timeoutMs);

/** Polls until `n` instances are online with a pid; returns ms since `t0`. */
export async function waitAllOnline(home, n, { t0 = performance.now(), pollMs = 100, timeoutMs = 10 * 60_000 } = {}) {
  for (;;) {
    const rows = await apiInstances(home);
    if (Array.isArray(rows) && rows.length === n && rows.every((r) => r.status === 'online' && r.pid)) return performance.now() - t0;
    if (performance.now() - t0 > timeoutMs) throw new Error(`${n} instances not online after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
