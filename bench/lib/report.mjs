// Turns bench results into the printed table and bench/RESULTS.md: one row
// per metric, berth beside the floor and PM2, ratios, the target and whether
// it was met; the reload section comes from reload-report.mjs.
import { renderReloadSection } from './reload-report.mjs';
const ms = (v) => (v === null || v === undefined ? '-' : `${Math.round(v)} ms`);
const mb = (v) => (v === null || v === undefined ? '-' : `${(v / 2 ** 20).toFixed(1)} MB`);
const pct = (v) => (v === null || v === undefined ? '-' : `${v.toFixed(2)} %`);
const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? `${(a / b).toFixed(2)}×` : '-');

export const TARGETS = {
  firstManifestRatio: 1.3,
  listeningRatio: 1.2,
  anonVsPm2: 0.8,
  idleCpuPct: 1,
  listVsBareNode: 1.25,
  scaleOverheadMs: 30,
  portsMs: 200,
  scaleOnlineRatio: 1.5,
  scaleRssBytes: 100 * 2 ** 20,
  scaleListMs: 500,
  deleteManyMs: 2000,
};

const row = (metric, cells = {}) => ({ metric, berth: '', floor: '', pm2: '', vsFloor: '', vsPm2: '', target: '', met: null, ...cells });
const defined = (...values) => values.every((v) => typeof v === 'number');

export function evaluate(results) {
  const rows = [];
  const nmax = Math.max(...Object.keys(results.listening).map(Number));
  for (const [n, sys] of Object.entries(results.listening)) {
    const b = sys.berth?.medianMs;
    const f = sys.floor?.medianMs;
    const goal = Number(n) === 1 ? TARGETS.firstManifestRatio : Number(n) === 100 ? TARGETS.listeningRatio : undefined;
    rows.push(row(`all ${n} answering HTTP${Number(n) === 1 ? ' (first manifest after up)' : ''} (median of ${sys.berth?.runsMs.length ?? 0})`, {
      berth: ms(b), floor: ms(f), pm2: ms(sys.pm2?.medianMs), vsFloor: ratio(b, f), vsPm2: ratio(b, sys.pm2?.medianMs),
      ...(goal ? { target: `≤ ${goal}× floor`, met: defined(b, f) ? b / f <= goal : null } : {}),
    }));
    if (sys.least) {
      rows.push(row("  the least manager: only the steps berth's contract requires from the rename to the fork (bench/lib/least-manager.mjs)", {
        berth: ms(sys.least.medianMs), floor: ms(f), vsFloor: ratio(sys.least.medianMs, f),
      }));
    }
  }
  const sb = results.steady.berth ?? {};
  const sp = results.steady.pm2 ?? {};
  const n = sb.n ?? nmax;
  const part = (p) => (p ? `${mb(p.anon)} + ${mb(p.file)}` : '-');
  rows.push(row(`daemon RSS at ${n} (controller vs PM2 God)`, { berth: mb(sb.rssBytes), pm2: mb(sp.rssBytes), vsPm2: ratio(sb.rssBytes, sp.rssBytes) }));
  const anonRatio = defined(sb.rssParts?.anon, sp.rssParts?.anon) ? sb.rssParts.anon / sp.rssParts.anon : undefined;
  rows.push(row('  of which private (RssAnon) + file-backed (RssFile)', { berth: part(sb.rssParts), pm2: part(sp.rssParts), vsPm2: ratio(sb.rssParts?.anon, sp.rssParts?.anon), target: `private ≤ ${TARGETS.anonVsPm2}× PM2`, met: anonRatio === undefined ? null : anonRatio <= TARGETS.anonVsPm2 }));
  rows.push(row(`idle CPU at ${n} (${results.config.idleSeconds} s window, % of a core)`, { berth: pct(sb.idleCpuPct), pm2: pct(sp.idleCpuPct), vsPm2: ratio(sb.idleCpuPct, sp.idleCpuPct), target: `< ${TARGETS.idleCpuPct} %`, met: sb.idleCpuPct === undefined ? null : sb.idleCpuPct < TARGETS.idleCpuPct }));
  rows.push(row(`list at ${n}: berth list -o json vs a bare \`node -e 0\` (floor) and pm2 jlist, median of 10`, {
    berth: ms(sb.listMs), floor: ms(sb.bareNodeMs), pm2: ms(sp.listMs), vsFloor: ratio(sb.listMs, sb.bareNodeMs), vsPm2: ratio(sb.listMs, sp.listMs),
    target: `≤ ${TARGETS.listVsBareNode}× node -e 0`, met: defined(sb.listMs, sb.bareNodeMs) ? sb.listMs / sb.bareNodeMs <= TARGETS.listVsBareNode : null,
  }));
  if (sb.socketRequestMs !== undefined) {
    rows.push(row('  the least a Node CLI does over that socket: one GET /v1/list, body printed (bench/lib/socket-request.cjs)', {
      berth: ms(sb.socketRequestMs), floor: ms(sb.bareNodeMs), vsFloor: ratio(sb.socketRequestMs, sb.bareNodeMs),
    }));
  }
  if (sb.storeReadMs !== undefined) {
    rows.push(row('  the least a Node CLI does reading the store instead: better-sqlite3, rows, /proc (bench/lib/store-read.cjs)', {
      berth: ms(sb.storeReadMs), floor: ms(sb.bareNodeMs), vsFloor: ratio(sb.storeReadMs, sb.bareNodeMs),
    }));
  }
  rows.push(row('scale +1 until the new one answers (median of 5)', { berth: ms(sb.scaleMs), floor: ms(results.appStart?.medianMs), pm2: ms(sp.scaleMs), vsFloor: ratio(sb.scaleMs, results.appStart?.medianMs), vsPm2: ratio(sb.scaleMs, sp.scaleMs) }));
  rows.push(row("  scale +1 overhead (minus the app's own start)", { berth: ms(sb.scaleOverheadMs), floor: '0 ms', pm2: ms(sp.scaleOverheadMs), target: `≤ ${TARGETS.scaleOverheadMs} ms`, met: sb.scaleOverheadMs === undefined ? null : sb.scaleOverheadMs <= TARGETS.scaleOverheadMs }));
  if (results.ports) rows.push(row('auto-assign 1000 ports, half-busy 20k range (median of 3)', { berth: ms(results.ports.medianMs), pm2: 'n/a', target: `≤ ${TARGETS.portsMs} ms`, met: results.ports.medianMs <= TARGETS.portsMs }));
  if (results.scale) rows.push(...scaleRows(results.scale, results.config));
  if (results.deleteMany) {
    const d = results.deleteMany;
    rows.push(row(`\`delete -f\` of a file with ${d.count} documents (PortClaims; median of ${d.runsMs.length})`, { berth: ms(d.medianMs), target: `≤ ${TARGETS.deleteManyMs / 1000} s`, met: d.medianMs <= TARGETS.deleteManyMs }));
  }
  return rows;
}

/** The 1000-instance rows: berth beside the floor and PM2 (bench/scale-bench.mjs). */
function scaleRows(s, config) {
  const b = s.berth ?? {};
  const p = s.pm2 ?? {};
  // Judged against the floor that also creates each process's two log files, when the run has it.
  const judgedFloor = s.floorLogs ?? s.floor;
  const online = b.medianMs / judgedFloor?.medianMs;
  const target = { target: `≤ ${TARGETS.scaleOnlineRatio}× floor`, met: Number.isFinite(online) ? online <= TARGETS.scaleOnlineRatio : null };
  const part = (x) => (x ? `${mb(x.anon)} + ${mb(x.file)}` : '-');
  const onlineRow = (label, floor, judged) => row(label, { berth: ms(b.medianMs), floor: ms(floor?.medianMs), pm2: ms(p.medianMs), vsFloor: ratio(b.medianMs, floor?.medianMs), vsPm2: ratio(b.medianMs, p.medianMs), ...(judged ? target : {}) });
  return [
    onlineRow(`scale: ${s.n} \`sleep\` instances all online (median of ${s.rounds})`, s.floor, !s.floorLogs),
    ...(s.floorLogs ? [onlineRow('  beside the floor that also creates two log files per process (as berth and PM2 do)', s.floorLogs, true)] : []),
    row(`scale: idle CPU at ${s.n} (${s.idleSeconds ?? config.idleSeconds} s window)`, { berth: pct(b.idleCpuPct), pm2: pct(p.idleCpuPct), vsPm2: ratio(b.idleCpuPct, p.idleCpuPct), target: `< ${TARGETS.idleCpuPct} %`, met: b.idleCpuPct === undefined ? null : b.idleCpuPct < TARGETS.idleCpuPct }),
    row(`scale: daemon RSS at ${s.n}`, { berth: mb(b.rssBytes), pm2: mb(p.rssBytes), vsPm2: ratio(b.rssBytes, p.rssBytes), target: `≤ ${TARGETS.scaleRssBytes / 2 ** 20} MB`, met: b.rssBytes === undefined ? null : b.rssBytes <= TARGETS.scaleRssBytes }),
    row('  of which private (RssAnon) + file-backed (RssFile)', { berth: part(b.rssParts), pm2: part(p.rssParts), vsPm2: ratio(b.rssParts?.anon, p.rssParts?.anon) }),
    row(`scale: berth list -o json at ${s.n} (median of 10)`, { berth: ms(b.listMs), target: `≤ ${TARGETS.scaleListMs} ms`, met: b.listMs === undefined ? null : b.listMs <= TARGETS.scaleListMs }),
    row(`scale: berth list (table) at ${s.n}`, { berth: ms(b.listTableMs) }),
    row(`scale: berth down with ${s.n} instances`, { berth: ms(b.downMs) }),
  ];
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
    `Latest \`npm run bench\`: ${m.date.slice(0, 10)} on ${m.nproc} cores (${m.cpuModel}), ${m.ramGiB} GiB RAM, Linux ${m.kernel}, Node ${m.node}${m.tmpdir ? `; temp folders (homes, logs) in ${m.tmpdir}` : ''}${m.removedEnv?.length ? `; run without ${m.removedEnv.join(', ')} (set on this machine: bench/lib/plain-node-env.mjs says why)` : ''}.`,
    `Same app everywhere (examples/hello/server.js); ${results.config.repeat} run(s) per system and N${results.config.repeatOne ? ` (${results.config.repeatOne} at N=1)` : ''}, medians shown; PM2 ${results.config.pm2 ? 'from node_modules/.bin/pm2, own PM2_HOME' : 'skipped'}.`,
    `The app's own start time (one process, spawn → first HTTP answer): ${ms(results.appStart?.medianMs)}.`,
    '',
    `| ${COLS.map(([, t]) => t).join(' | ')} |`,
    `|${COLS.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${COLS.map(([k]) => cell(r, k).replace(/\|/g, '\\|')).join(' | ')} |`),
    '',
    '## What is measured',
    '',
    '- **all N answering**: from "desired state given" until every instance answers an HTTP GET on its port',
    '  (polled from the benchmark every 5 ms up to 20 ports, else every 20 ms). berth: the manifest is renamed into the watched directory of',
    '  a running, idle controller. raw floor: a plain Node loop spawns the N processes (detached, PORT in env).',
    '  PM2: `pm2 start ecosystem.config.cjs` (fork mode, `increment_var: PORT`) against a running God daemon,',
    '  so the PM2 CLI\'s own start-up is included, as `berth`\'s file watcher is for berth.',
    '- **RSS**: VmRSS of the berth controller vs the PM2 God daemon, after the idle window.',
    '- **idle CPU**: utime+stime delta of that process over the window (`BENCH_IDLE_SECONDS`), 3 s after all answered.',
    '- **list**: wall time of `berth list -o json` (a fresh CLI process) vs `pm2 jlist`, median of 10; each list is',
    '  followed by a bare `node -e 0`, the floor of any Node CLI on the machine at that moment, and by',
    '  `bench/lib/socket-request.cjs`, a Node script that only connects to the controller\'s socket, sends the',
    '  request `berth list` sends (GET /v1/list) and prints the body: the floor of any CLI that asks a daemon.',
    '- **scale +1**: edit the manifest (instances N → N+1) / `pm2 scale web N+1`, until the new port answers',
    '  (polled every 5 ms); the overhead subtracts the app\'s own start time measured above.',
    '- **auto-assign**: `bench/ports-auto-assign.mjs`: 1000 instances on `auto:A-(A+19999)` while every other',
    '  port of the range is held by a real listener; real bind tests, in-memory store.',
    '- **scale**: N `sleep 100000` processes (a node app is ~40 MB each; `bench/scale-bench.mjs`), rounds in rotating',
    '  order. raw floor: a plain Node loop spawns them (detached, stdio ignored) until every \'spawn\' event; the floor',
    '  with log files: the same loop, each process\'s stdout and stderr appended to two new files in one folder, as',
    '  berth and PM2 give every process (the target is judged against this one: creating 2000 files costs what the',
    '  filesystem makes it cost, ~0.1 s in a fresh folder and over 1 s in this VM\'s worn /tmp). berth:',
    '  one manifest with `instances: N`, until the controller\'s store (state.db, read-only from the benchmark every',
    '  20 ms) records all N online with a pid, and then `GET /v1/instances` agrees (asking the API every 100 ms instead',
    '  cost the controller 10–14 ms a poll at 1000, a tenth of the burst; watching costs the floor and PM2 nothing).',
    '  PM2: `pm2 start` (`interpreter: none`), until N processes carry the run\'s marker. RSS and idle CPU after',
    '  all are online (3 s, then the idle window, then RSS); `down` = `berth down` until the controller exits.',
    '- **delete -f**: `berth apply -f` of one file with that many PortClaims, wait until all are reconciled, then',
    '  `berth delete -f` of the same file until it returns (it waits until the controller removed them all).',
    ...(reload.markdown.length ? ['', ...reload.markdown] : []),
    ...(analysis ? ['', analysis.trim(), ''] : ['']),
    'Reproduce: `npm ci && npm run bench` (knobs: BENCH_NS, BENCH_REPEAT, BENCH_REPEAT_ONE, BENCH_IDLE_SECONDS, BENCH_SCALE_N,',
    'BENCH_SCALE_ROUNDS, BENCH_SKIP_SCALE=1, BENCH_DELETE_DOCS, BENCH_SKIP_DELETE=1, BENCH_SKIP_PM2=1, BENCH_SKIP_RELOAD=1,',
    'BENCH_PROFILE=1; BENCH_ONLY=reload reruns only the reload',
    'section and keeps the other numbers). Raw numbers: bench/results/latest.json.',
    '',
  ].join('\n');
  return { table, markdown: md, rows };
}
