// Reload under load, PM2 cluster mode vs berth's shared socket (see
// lib/reload-scenarios.mjs). `npm run bench` runs it as one section;
// `node bench/reload-bench.mjs` (after `npm run build`) runs it alone and
// prints JSON. The systems run one after the other, PM2 first.
import { berthSharedReload, pm2ClusterReload, RELOAD_CONFIG, socketPrimitivesReload } from './lib/reload-scenarios.mjs';

const log = (line) => process.stderr.write(`[bench] ${line}\n`);

export async function reloadBench({ skipPm2 = false } = {}) {
  const out = { config: RELOAD_CONFIG };
  const describe = (r) => (r ? `${r.requests} requests, ${r.failed} failed, p99 ${Math.round(r.p99SteadyMs)} ms steady / ${Math.round(r.p99ReloadMs)} ms reloading, ${Math.round(r.throughputRps)} req/s` : 'not measured');
  if (!skipPm2) {
    log(`reload: PM2 cluster mode, ${RELOAD_CONFIG.instances} instances, ${RELOAD_CONFIG.reloads} × pm2 reload under ${RELOAD_CONFIG.clients} clients`);
    out.pm2 = await pm2ClusterReload();
    log(`reload: PM2: ${describe(out.pm2)}`);
  }
  log('reload: berth socket primitives (src/socket, no controller), same app and load');
  out.primitives = await socketPrimitivesReload();
  log(`reload: primitives: ${describe(out.primitives)}`);
  log('reload: berth up + socket: {shared: true}, 5 × berth reload, same app and load');
  out.berth = await berthSharedReload();
  log(`reload: berth socket: {shared: true}: ${describe(out.berth)}`);
  return out;
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const result = await reloadBench({ skipPm2: process.env.BENCH_SKIP_PM2 === '1' });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
