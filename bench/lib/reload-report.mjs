// The reload section of the bench report: failed requests, p99 latency while
// reloading vs steady state, and throughput, for berth's shared socket, its
// socket layer driven without a controller, and PM2 cluster mode.
const ms = (v) => (typeof v === 'number' ? `${v.toFixed(1)} ms` : '-');
const rps = (v) => (typeof v === 'number' ? `${Math.round(v)} req/s` : '-');
const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b > 0 ? `${(a / b).toFixed(2)}×` : '-');

export const RELOAD_TARGETS = { failed: 0, p99Ratio: 2, throughputVsPm2: 1 };

/** Rows: one per metric, a column per system, the target, whether berth (else its socket layer) met it. */
export function reloadRows(reload) {
  const systems = { berth: reload.berth ?? null, primitives: reload.primitives ?? null, pm2: reload.pm2 ?? null };
  const judged = systems.berth ?? systems.primitives;
  const cell = (fn) => Object.fromEntries(Object.entries(systems).map(([k, r]) => [k, r ? fn(r) : '-']));
  return [
    { metric: 'requests (all / failed)', ...cell((r) => `${r.requests} / ${r.failed}`), target: '0 failed, fewer than PM2', met: judged ? judged.failed === 0 && (!systems.pm2 || judged.failed <= systems.pm2.failed) : null },
    { metric: 'p99 latency, steady state', ...cell((r) => ms(r.p99SteadyMs)), target: '', met: null },
    { metric: 'p99 latency, during reloads', ...cell((r) => ms(r.p99ReloadMs)), target: '', met: null },
    { metric: 'p99 during reload / steady', ...cell((r) => ratio(r.p99ReloadMs, r.p99SteadyMs)), target: `≤ ${RELOAD_TARGETS.p99Ratio}×`, met: judged ? judged.p99ReloadMs / judged.p99SteadyMs <= RELOAD_TARGETS.p99Ratio : null },
    { metric: 'throughput over the run (ok requests / wall time)', ...cell((r) => rps(r.throughputRps)), target: '≥ 1.0× PM2', met: judged && systems.pm2 ? judged.throughputRps / systems.pm2.throughputRps >= RELOAD_TARGETS.throughputVsPm2 : null },
    { metric: '  vs PM2 cluster', ...cell((r) => ratio(r.throughputRps, systems.pm2?.throughputRps)), target: '', met: null },
    { metric: 'one reload of all instances (median)', ...cell((r) => ms(median(r.reloadMs))), target: '', met: null },
  ];
}

const median = (values) => {
  const sorted = [...(values ?? [])].sort((a, b) => a - b);
  return sorted.length ? sorted[sorted.length >> 1] : null;
};

const COLS = [['metric', 'Metric'], ['berth', 'berth socket: {shared: true}'], ['primitives', 'berth socket layer alone'], ['pm2', 'PM2 cluster -i 4'], ['target', 'Target'], ['met', 'Met']];
const text = (row, key) => (key === 'met' ? (row.met === null ? '' : row.met ? 'yes' : 'NO') : String(row[key] ?? ''));

export function renderReloadSection(reload) {
  if (!reload) return { table: '', markdown: [] };
  const rows = reloadRows(reload);
  const widths = COLS.map(([key, title]) => Math.max(title.length, ...rows.map((r) => text(r, key).length)));
  const line = (vals) => vals.map((v, i) => v.padEnd(widths[i])).join('  ');
  const table = [line(COLS.map(([, t]) => t)), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(COLS.map(([k]) => text(r, k))))].join('\n');
  const c = reload.config;
  const markdown = [
    '## Reload under load: one port, N instances',
    '',
    `The same app (examples/hello/server.js: \`listen(process.env.PORT)\`, drains on SIGTERM), ${c.instances} instances on one port,`,
    `${c.clients} closed-loop clients (a new connection per request), ${c.steadyMs / 1000} s steady, then ${c.reloads} reloads of all instances ${c.gapMs / 1000} s apart.`,
    'PM2: cluster mode (`instances: 4, exec_mode: cluster`, `kill_signal: SIGTERM` so the app drains), `pm2 reload web`.',
    'berth `socket: {shared: true}`: `berth up`, the manifest in its directory, `berth reload web` (the CLI round trip',
    'included): the controller owns the socket, replaces each instance StartFirst (ready = it accepts on the socket),',
    'then the old one gets SIGTERM and drains. berth socket layer: src/socket driven by the benchmark itself the same way',
    '(no controller, no CLI), the floor of what the controller adds.',
    '',
    `| ${COLS.map(([, t]) => t).join(' | ')} |`,
    `|${COLS.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${COLS.map(([k]) => text(r, k).replace(/\|/g, '\\|')).join(' | ')} |`),
    '',
    ...(reload.pm2?.errors?.length ? [`PM2's failed requests: ${reload.pm2.errors.join(', ')}.`, ''] : []),
  ];
  return { table, markdown };
}
