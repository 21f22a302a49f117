// `node bench/scale-bench.mjs [N] [ROUNDS] [--pm2]`: N (1000) `sleep`
// instances, berth beside the raw floor (bare, and with two new log files
// per process) and PM2, ROUNDS (3) rounds in rotating order; the last berth
// (and PM2) round also measures RSS, idle CPU and list latency at N. Prints
// one JSON line. Part of `npm run bench`; run alone to compare two builds on
// the same machine.
import { berthScaleRun, floorScaleRun, pm2ScaleRun } from './lib/scale-scenarios.mjs';
import { median } from './lib/system.mjs';

const log = (line) => process.stderr.write(`[bench] ${line}\n`);

export async function scaleBench({ n = 1000, rounds = 3, pm2 = false, idleSeconds = 30 } = {}) {
  const runs = { floor: [], floorLogs: [], berth: [], pm2: [] };
  let steady = {};
  for (let r = 0; r < rounds; r++) {
    const last = r === rounds - 1;
    const order = [['floor', () => floorScaleRun(n)], ['floorLogs', () => floorScaleRun(n, { logs: true })], ['berth', () => berthScaleRun(n, { extras: last, idleSeconds })], ...(pm2 ? [['pm2', () => pm2ScaleRun(n, { extras: last, idleSeconds })]] : [])];
    for (let k = 0; k < r % order.length; k++) order.push(order.shift());
    for (const [name, run] of order) {
      const res = await run();
      runs[name].push(res.allOnlineMs);
      log(`scale N=${n} round ${r + 1}/${rounds} ${name}: all online after ${Math.round(res.allOnlineMs)} ms${res.rssBytes ? `; RSS ${(res.rssBytes / 2 ** 20).toFixed(1)} MB, idle CPU ${res.idleCpuPct.toFixed(2)} %` : ''}${res.listMs ? `, list ${Math.round(res.listMs)} ms` : ''}${res.apiAgreesMs ? `; the API agreed at ${Math.round(res.apiAgreesMs)} ms` : ''}`);
      if (last && res.rssBytes) steady = { ...steady, [name]: res };
    }
  }
  const summary = (name) => (runs[name].length ? { medianMs: median(runs[name]), runsMs: runs[name] } : undefined);
  return { n, rounds, idleSeconds, floor: summary('floor'), floorLogs: summary('floorLogs'), berth: { ...steady.berth, ...summary('berth') }, pm2: pm2 ? { ...steady.pm2, ...summary('pm2') } : undefined };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [n = 1000, rounds = 3] = process.argv.slice(2).filter((a) => !a.startsWith('--')).map(Number);
  const { killMarked } = await import('./lib/procs.mjs');
  const { MARKER } = await import('./lib/scenarios.mjs');
  try {
    const res = await scaleBench({ n, rounds, pm2: process.argv.includes('--pm2'), idleSeconds: Number(process.env.BENCH_IDLE_SECONDS ?? 30) });
    process.stdout.write(`${JSON.stringify(res)}\n`);
  } finally {
    await killMarked(MARKER);
  }
}
