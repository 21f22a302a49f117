// Turns bench results into the printed table and bench/RESULTS.md: one row
// per metric, berth beside the floor and PM2, ratios, the target and whether
// it was met; the reload section comes from reload-report.mjs.
import { renderReloadSection } from './reload-report.mjs';
const ms = (v) => (v === null || v === undefined ? '-' : `${Math.round(v)} ms`);
const mb = (v) => (v === null || v === undefined ? '-' : `${(v / 2 ** 20).toFixed(1)} MB`);
const pct = (v) => (v === null || v === undefined ? '-' : `${v.toFixed(2)} %`);
const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? `${(a / b).toFixed(2)}×` : '-');

export const TARGETS = {
  listeningRatio: 1.2,
  rssBytes: 60 * 2 ** 20,
  idleCpuPct: 1,
  listMs: 150,
  scaleOverheadMs: 50,
  portsMs: 200,
  scaleListMs: 500,
};

export function evaluate(results) {
  const rows = [];
  const nmax = Math.max(...Object.keys(results.listening).map(Number));
  for (const [n, sys] of Object.entries(results.listening)) {
    const b = sys.berth?.medianMs;
    const f = sys.floor?.medianMs;
    const isMax = Number(n) === nmax;
    rows.push({
      metric: `all ${n} answering HTTP (median of ${sys.berth?.runsMs.length ?? 0})`,
      berth: ms(b), floor: ms(f), pm2: ms(sys.pm2?.medianMs), vsFloor: ratio(b, f), vsPm2: ratio(b, sys.pm2?.medianMs),
      target: isMax && Number(n) === 100 ? `≤ ${TARGETS.listeningRatio}× floor` : '',
      met: isMax && Number(n) === 100 ? b / f <= TARGETS.listeningRatio : null,
    });
  }
  const sb = results.steady.berth ?? {};
  const sp = results.steady.pm2 ?? {};
  const n = sb.n ?? nmax;
  rows.push({ metric: `daemon RSS at ${n} (controller vs PM2 God)`, berth: mb(sb.rssBytes), floor: '', pm2: mb(sp.rssBytes), vsFloor: '', vsPm2: ratio(sb.rssBytes, sp.rssBytes), target: '≤ 60 MB', met: sb.rssBytes === undefined ? null : sb.rssBytes <= TARGETS.rssBytes });
  const part = (p) => (p ? `${mb(p.anon)} + ${mb(p.file)}` : '-');
  rows.push({ metric: '  of which private (RssAnon) + file-backed (RssFile)', berth: part(sb.rssParts), floor: '', pm2: part(sp.rssParts), vsFloor: '', vsPm2: ratio(sb.rssParts?.anon, sp.rssParts?.anon), target: '', met: null });
  rows.push({ metric: `idle CPU at ${n} (${results.config.idleSeconds} s window, % of a core)`, berth: pct(sb.idleCpuPct), floor: '', pm2: pct(sp.idleCpuPct), vsFloor: '', vsPm2: ratio(sb.idleCpuPct, sp.idleCpuPct), target: '< 1 %', met: sb.idleCpuPct === undefined ? null : sb.idleCpuPct < TARGETS.idleCpuPct });
  rows.push({ metric: `list at ${n} (berth list -o json vs pm2 jlist, median of 10)`, berth: ms(sb.listMs), floor: '', pm2: ms(sp.listMs), vsFloor: '', vsPm2: ratio(sb.listMs, sp.listMs), target: '≤ 150 ms', met: sb.listMs === undefined ? null : sb.listMs <= TARGETS.listMs });
  rows.push({ metric: 'scale +1 until the new one answers (median of 5)', berth: ms(sb.scaleMs), floor: ms(results.appStart?.medianMs), pm2: ms(sp.scaleMs), vsFloor: ratio(sb.scaleMs, results.appStart?.medianMs), vsPm2: ratio(sb.scaleMs, sp.scaleMs), target: '', met: null });
  rows.push({ metric: "  scale +1 overhead (minus the app's own start)", berth: ms(sb.scaleOverheadMs), floor: '0 ms', pm2: ms(sp.scaleOverheadMs), vsFloor: '', vsPm2: '', target: '≤ 50 ms', met: sb.scaleOverheadMs === undefined ? null : sb.scaleOverheadMs <= TARGETS.scaleOverheadMs });
  if (results.ports) rows.push({ metric: 'auto-assign 1000 ports, half-busy 20k range (median of 3)', berth: ms(results.ports.medianMs), floor: '', pm2: 'n/a', vsFloor: '', vsPm2: '', target: '≤ 200 ms', met: results.ports.medianMs <= TARGETS.portsMs });
  if (results.scale) {
    const s = results.scale;
    rows.push({ metric: `scale: ${s.n} \`sleep\` instances all online`, berth: ms(s.allOnlineMs), floor: '', pm2: '', vsFloor: '', vsPm2: '', target: '', met: null });
    rows.push({ metric: `scale: berth list -o json at ${s.n} (median of 10)`, berth: ms(s.listMs), floor: '', pm2: '', vsFloor: '', vsPm2: '', target: '≤ 500 ms', met: s.listMs <= TARGETS.scaleListMs });
    rows.push({ metric: `scale: berth list (table) at ${s.n}`, berth: ms(s.listTableMs), floor: '', pm2: '', vsFloor: '', vsPm2: '', target: '', met: null });
    rows.push({ metric: `scale: controller RSS / idle CPU (10 s) at ${s.n}`, berth: `${mb(s.rssBytes)} / ${pct(s.idleCpuPct)}`, floor: '', pm2: '', vsFloor: '', vsPm2: '', target: '', met: null });
  }
  return rows;
}

const COLS = [['metric', 'Metric'], ['berth', 'berth'], ['floor', 'raw floor'], ['pm2', 'PM2'], ['vsFloor', 'berth/floor'], ['vsPm2', 'berth/PM2'], ['target', 'Target'], ['met', 'Met']];
const cell = (row, key) => (key === 'met' ? (row.met === null ? '' : row.met ? 'yes' : 'NO') : String(row[key] ?? ''));

export function renderReport(results, analysis = '') {
  const rows = evaluate(results);
  const widths = COLS.map(([key, title]) => Math.max(title.length, ...rows.map((r) => cell(r, key).length)));
  const line = (vals) => vals.map((v, i) => v.padEnd(widths[i])).join('  ');
  const reload = renderReloadSection(results.reload);
  const table = [line(COLS.map(([, t]) => t)), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(COLS.map(([k]) => cell(r, k)))), ...(reload.table ? ['', reload.table] : [])].join('\n');
  const m = results.machine;
  const md = [
    '# berth benchmarks',
    '',
    `Latest \`npm run bench\`: ${m.date.slice(0, 10)} on ${m.nproc} cores (${m.cpuModel}), ${m.ramGiB} GiB RAM, Linux ${m.kernel}, Node ${m.node}.`,
    `Same app everywhere (examples/hello/server.js); ${results.config.repeat} run(s) per system and N, medians shown; PM2 ${results.config.pm2 ? 'from node_modules/.bin/pm2, own PM2_HOME' : 'skipped'}.`,
    `The app's own start time (one process, spawn → first HTTP answer): ${ms(results.appStart?.medianMs)}.`,
    '',
    `| ${COLS.map(([, t]) => t).join(' | ')} |`,
    `|${COLS.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${COLS.map(([k]) => cell(r, k).replace(/\|/g, '\\|')).join(' | ')} |`),
    '',
    '## What is measured',
    '',
    '- **all N answering**: from "desired state given" until every instance answers an HTTP GET on its port',
    '  (polled every 20 ms from the benchmark). berth: the manifest is renamed into the watched directory of',
    '  a running, idle controller. raw floor: a plain Node loop spawns the N processes (detached, PORT in env).',
    '  PM2: `pm2 start ecosystem.config.cjs` (fork mode, `increment_var: PORT`) against a running God daemon,',
    '  so the PM2 CLI\'s own start-up is included, as `berth`\'s file watcher is for berth.',
    '- **RSS**: VmRSS of the berth controller vs the PM2 God daemon, after the idle window.',
    '- **idle CPU**: utime+stime delta of that process over the window (`BENCH_IDLE_SECONDS`), 3 s after all answered.',
    '- **list**: wall time of `berth list -o json` (a fresh CLI process) vs `pm2 jlist`, median of 10.',
    '- **scale +1**: edit the manifest (instances N → N+1) / `pm2 scale web N+1`, until the new port answers',
    '  (polled every 5 ms); the overhead subtracts the app\'s own start time measured above.',
    '- **auto-assign**: `bench/ports-auto-assign.mjs`: 1000 instances on `auto:A-(A+19999)` while every other',
    '  port of the range is held by a real listener; real bind tests, in-memory store.',
    '- **scale**: N `sleep 100000` processes (a node app is ~40 MB each), until `berth list` shows all online.',
    ...(reload.markdown.length ? ['', ...reload.markdown] : []),
    ...(analysis ? ['', analysis.trim(), ''] : ['']),
    'Reproduce: `npm ci && npm run bench` (knobs: BENCH_NS, BENCH_REPEAT, BENCH_IDLE_SECONDS, BENCH_SCALE_N,',
    'BENCH_SKIP_SCALE=1, BENCH_SKIP_PM2=1, BENCH_SKIP_RELOAD=1, BENCH_PROFILE=1; BENCH_ONLY=reload reruns only the reload',
    'section and keeps the other numbers). Raw numbers: bench/results/latest.json.',
    '',
  ].join('\n');
  return { table, markdown: md, rows };
}
