// berth dashboard: renders the controller's live feed (/api/stream, server-sent
// events) and sends actions as JSON POSTs. The session cookie set from
// ?token= authenticates every request. No framework: rows are keyed and
// updated in place, so an input being typed in survives the next frame.

import { HISTORY_POINTS, SVG, el, formatBytes, formatPorts, formatUptime, setText, sparkline, sparkPath, syncRows } from './widgets.js';

const LOG_LINES_KEPT = 1000;

const state = { controller: null, apps: [], instances: [], allocations: [], manifestErrors: [] };
const history = new Map(); // "app/index" → { cpu: [], memory: [] }
const events = new Map(); // id → event
let selectedApp = null;
let logSource = null;

const $ = (selector) => document.querySelector(selector);

function recordHistory(instances) {
  const present = new Set();
  for (const view of instances) {
    const key = `${view.app}/${view.instance}`;
    present.add(key);
    let series = history.get(key);
    if (!series) history.set(key, (series = { cpu: [], memory: [] }));
    const running = view.pid !== null;
    series.cpu.push(running ? view.cpu : null);
    series.memory.push(running ? view.memory : null);
    if (series.cpu.length > HISTORY_POINTS) series.cpu.shift();
    if (series.memory.length > HISTORY_POINTS) series.memory.shift();
  }
  for (const key of history.keys()) if (!present.has(key)) history.delete(key);
}

// ---- actions ----

async function act(app, action, body = {}, button) {
  if (button) button.disabled = true;
  try {
    const res = await fetch(`/api/apps/${encodeURIComponent(app)}/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const answer = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(answer.error?.message ?? `HTTP ${res.status}`);
    notify(answer.message ?? `${action} ${app}: done`);
  } catch (err) {
    notify(`${action} ${app}: ${err.message}`, true);
  } finally {
    if (button) button.disabled = false;
  }
}

/** An empty box is not 0: scaling to nothing takes typing the 0. */
function scale(app, input, button) {
  if (input.value.trim() === '') return notify(`scale ${app}: type the number of instances first`, true);
  return act(app, 'scale', { instances: Number(input.value) }, button);
}

function notify(message, isError = false) {
  const notice = $('#notice');
  notice.textContent = message;
  notice.className = isError ? 'error' : '';
  notice.hidden = false;
}

// ---- rendering ----

function renderApps() {
  syncRows($('#apps tbody'), state.apps, (a) => a.name, (app, key) => {
    const scaleInput = el('input', { type: 'number', min: 0, max: 10000, title: 'instances', className: 'scale' });
    const button = (action, label) => el('button', { data: { action }, textContent: label, onclick: (e) => act(key, action, {}, e.target) });
    return el('tr', { data: { key, app: key } },
      el('td', {}, el('button', { className: 'link name', onclick: () => selectApp(key) })),
      el('td', { className: 'ready num' }),
      el('td', { className: 'condition' }),
      el('td', { className: 'source muted' }),
      el('td', { className: 'actions' },
        button('restart', 'restart'), ' ', button('reload', 'reload'), ' ', button('stop', 'stop'), ' ', button('start', 'start'), ' ',
        scaleInput, el('button', { data: { action: 'scale' }, textContent: 'scale', onclick: (e) => scale(key, scaleInput, e.target) })));
  }, (row, app) => {
    row.classList.toggle('selected', app.name === selectedApp);
    setText(row.querySelector('.name'), app.name);
    setText(row.querySelector('.ready'), app.kind === 'App' ? `${app.ready}/${app.desired}` : 'claim');
    const ready = app.conditions.find((c) => c.type === 'Ready');
    setText(row.querySelector('.condition'), app.desiredState === 'stopped' ? 'stopped' : ready ? `${ready.reason}` : '-');
    setText(row.querySelector('.source'), app.source);
    for (const b of row.querySelectorAll('button[data-action]')) b.hidden = app.kind !== 'App';
    row.querySelector('.scale').hidden = app.kind !== 'App';
    const input = row.querySelector('.scale');
    if (document.activeElement !== input) input.placeholder = String(app.desired);
  });
}

function renderInstances() {
  syncRows($('#instances tbody'), state.instances, (v) => `${v.app}/${v.instance}`, (view, key) => el('tr', { data: { key, instance: key } },
    el('td', { className: 'app', textContent: view.app }),
    el('td', { className: 'num', textContent: String(view.instance) }),
    el('td', { className: 'status' }),
    el('td', { className: 'pid num' }),
    el('td', { className: 'port' }),
    el('td', { className: 'cpu' }, el('div', { className: 'metric' }, sparkline(), el('span'))),
    el('td', { className: 'memory' }, el('div', { className: 'metric' }, sparkline(), el('span'))),
    el('td', { className: 'restarts num' }),
    el('td', { className: 'uptime num' }),
    el('td', {}, el('button', { textContent: 'logs', data: { action: 'logs' }, onclick: () => followLogs(view.app, view.instance) }))),
  (row, view) => {
    const status = row.querySelector('.status');
    setText(status, view.status);
    status.className = `status s-${view.status}`;
    setText(row.querySelector('.pid'), view.pid === null ? '-' : String(view.pid));
    setText(row.querySelector('.port'), formatPorts(view));
    setText(row.querySelector('.cpu span'), view.cpu === null ? '-' : `${view.cpu.toFixed(1)} %`);
    setText(row.querySelector('.memory span'), formatBytes(view.memory));
    setText(row.querySelector('.restarts'), String(view.restarts));
    setText(row.querySelector('.uptime'), formatUptime(view.uptime));
    const series = history.get(`${view.app}/${view.instance}`) ?? { cpu: [], memory: [] };
    row.querySelector('.cpu path').setAttribute('d', sparkPath(series.cpu));
    row.querySelector('.memory path').setAttribute('d', sparkPath(series.memory, { floor: null }));
  });
}

function renderDetail() {
  setText($('#detail-app'), selectedApp ? selectedApp : '(all apps)');
  const apps = state.apps.filter((a) => !selectedApp || a.name === selectedApp);
  const conditions = apps.flatMap((a) => a.conditions.map((c) => ({ app: a.name, ...c })));
  const fields = ['app', 'type', 'status', 'reason', 'message'];
  syncRows($('#conditions tbody'), conditions, (c) => `${c.app}/${c.type}`, (c, key) => el('tr', { data: { key } }, ...fields.map((f) => el('td', { className: `condition-${f}` }))), (row, c) => {
    for (const f of fields) setText(row.querySelector(`.condition-${f}`), c[f]);
  });
  const list = $('#events');
  const shown = [...events.values()].filter((e) => !selectedApp || e.app === selectedApp).sort((a, b) => b.id - a.id).slice(0, 100);
  list.replaceChildren(...shown.map((e) => el('li', { className: e.type },
    el('time', { textContent: new Date(e.at).toLocaleTimeString() }),
    `${e.app ?? ''}${e.instance === null ? '' : `/${e.instance}`} `,
    el('span', { className: 'reason', textContent: e.reason }), ` ${e.message}`)));
}

function renderPool() {
  const pool = /^(\d+)-(\d+)$/.exec(state.controller?.portPool ?? '');
  setText($('#pool-range'), pool ? `${pool[1]}–${pool[2]}, ${state.allocations.length} allocated` : '');
  const map = $('#pool-map');
  map.replaceChildren();
  if (pool) {
    const [start, end] = [Number(pool[1]), Number(pool[2])];
    const width = Math.max(1000 / (end - start + 1), 1);
    for (const a of state.allocations) {
      if (a.port < start || a.port > end) continue;
      const rect = document.createElementNS(SVG, 'rect');
      rect.setAttribute('class', a.protocol);
      rect.setAttribute('x', String(((a.port - start) / (end - start + 1)) * 1000));
      rect.setAttribute('y', a.protocol === 'tcp' ? '0' : '12');
      rect.setAttribute('width', String(width));
      rect.setAttribute('height', '12');
      const title = document.createElementNS(SVG, 'title');
      title.textContent = `${a.protocol} ${a.port}: ${a.owner}${a.instance === null ? '' : `/${a.instance}`}`;
      rect.append(title);
      map.append(rect);
    }
  }
  // One row per owner and protocol, ports as ranges.
  const groups = new Map();
  for (const a of state.allocations) {
    const key = `${a.protocol}/${a.ownerKind}/${a.owner}/${a.instance ?? ''}`;
    if (!groups.has(key)) groups.set(key, { ...a, ports: [] });
    groups.get(key).ports.push(a.port);
  }
  syncRows($('#allocations tbody'), [...groups.values()], (g) => `${g.protocol}/${g.ownerKind}/${g.owner}/${g.instance ?? ''}`, (g, key) => el('tr', { data: { key } }, el('td', { textContent: g.protocol }), el('td', { className: 'ports' }), el('td', { textContent: g.owner + (g.instance === null ? '' : `/${g.instance}`) }), el('td', { textContent: g.ownerKind })), (row, g) => {
    const ports = g.ports.length === 1 ? String(g.ports[0]) : `${g.ports[0]}-${g.ports.at(-1)}`;
    setText(row.querySelector('.ports'), ports);
  });
}

function render() {
  const c = state.controller;
  if (c) setText($('#controller'), `${c.dir} · pid ${c.pid} · v${c.version}`);
  const errors = $('#manifest-errors');
  errors.hidden = state.manifestErrors.length === 0;
  errors.querySelector('ul').replaceChildren(...state.manifestErrors.map((m) => el('li', { textContent: m })));
  renderApps();
  renderInstances();
  renderDetail();
  renderPool();
}

function selectApp(name) {
  selectedApp = selectedApp === name ? null : name;
  render();
}

// ---- live feed and logs ----

function followLogs(app, index) {
  logSource?.close();
  const pre = $('#log-lines');
  pre.replaceChildren();
  setText($('#log-target'), `${app}/${index}`);
  logSource = new EventSource(`/api/logs/${encodeURIComponent(app)}/${index}?lines=200`);
  logSource.addEventListener('line', (message) => {
    const { stream, line } = JSON.parse(message.data);
    const atBottom = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
    pre.append(el('div', { className: stream, textContent: line }));
    while (pre.childElementCount > LOG_LINES_KEPT) pre.firstChild.remove();
    if (atBottom) pre.scrollTop = pre.scrollHeight;
  });
}

function connect() {
  const connection = $('#connection');
  const source = new EventSource('/api/stream');
  source.addEventListener('open', () => {
    connection.textContent = 'live';
    connection.className = 'connection live';
  });
  source.addEventListener('error', () => {
    connection.textContent = 'reconnecting…';
    connection.className = 'connection down';
  });
  source.addEventListener('snapshot', (message) => {
    const snapshot = JSON.parse(message.data);
    for (const key of Object.keys(state)) state[key] = snapshot[key];
    history.clear();
    for (const [key, series] of Object.entries(snapshot.history)) history.set(key, series);
    events.clear();
    for (const e of snapshot.events) events.set(e.id, e);
    render();
  });
  source.addEventListener('frame', (message) => {
    const frame = JSON.parse(message.data);
    for (const key of Object.keys(state)) if (frame[key] !== undefined) state[key] = frame[key];
    if (frame.instances) recordHistory(frame.instances);
    for (const e of frame.events ?? []) events.set(e.id, e);
    render();
  });
}

connect();
