// Runs the closed-loop load generator in its own process, so the latency it
// measures is not inflated by whatever the benchmark driver does meanwhile
// (spawning, /proc polling). argv: port clients; stops when stdin closes and
// prints every sample as JSON, times in epoch milliseconds.
import path from 'node:path';
import { ROOT } from './berth-driver.mjs';

const [port, clients] = process.argv.slice(2).map(Number);
const { startClosedLoopLoad } = await import(path.join(ROOT, 'dist', 'test', 'helpers', 'closed-loop-load.js'));
const load = startClosedLoopLoad({ port, clients, timeoutMs: 15_000 });
process.stdin.resume();
process.stdin.on('end', async () => {
  const origin = performance.timeOrigin;
  const samples = (await load.stop()).map((s) => ({ ...s, start: s.start + origin, end: s.end + origin }));
  process.stdout.write(JSON.stringify(samples), () => process.exit(0));
});
