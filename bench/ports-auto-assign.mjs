// Measures auto-assignment speed with real bind tests: 1000 instances on
// "auto:A-(A+19999)" while a stranger holds every other port of the range
// (10,000 real listeners). Run after a build: node bench/ports-auto-assign.mjs [A] [--json]
// (--json: one line {runsMs, medianMs} for bench/run-bench.mjs)
// Needs ~10,100 file descriptors (ulimit -n).
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { Store } from '../dist/src/store/store.js';
import { openDatabase } from '../dist/src/store/open-store.js';
import { PortAllocator } from '../dist/src/ports/port-allocator.js';

const json = process.argv.includes('--json');
const start = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 10000);
const end = start + 19_999;
const listen = (port) => new Promise((resolve) => {
  const server = net.createServer();
  server.once('error', () => resolve(undefined)); // already busy: busy either way
  server.listen({ host: '0.0.0.0', port, exclusive: true }, () => resolve(server));
});

const servers = [];
for (let port = start; port <= end; port += 2) servers.push(await listen(port));
const store = new Store(openDatabase(':memory:'));
const allocator = new PortAllocator({ store });
const runs = [];
for (let i = 0; i < 3; i++) {
  allocator.releaseApp('bench');
  const t0 = performance.now();
  const ports = await allocator.ensureAppPorts('bench', { port: `auto:${start}-${end}`, instances: 1000, demand: { tcp: 0, udp: 0 } });
  runs.push(performance.now() - t0);
  if (ports.length !== 1000 || ports.some((p) => (p.port - start) % 2 === 0)) throw new Error('a held port was assigned');
}
if (json) console.log(JSON.stringify({ range: `${start}-${end}`, runsMs: runs, medianMs: [...runs].sort((a, b) => a - b)[1] }));
else console.log(`1000 ports from auto:${start}-${end} with every other port held: ${runs.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}`);
await Promise.all(servers.filter(Boolean).map((s) => new Promise((r) => s.close(r))));
store.close();
