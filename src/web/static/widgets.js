// Small pieces of the berth dashboard: element building, the formats
// `berth list` prints, sparklines, and keyed table rows updated in place.

export const HISTORY_POINTS = 300;

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'class') node.className = value;
    else if (key === 'data') Object.assign(node.dataset, value);
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node[key] = value;
  }
  node.append(...children);
  return node;
}

// ---- formatting (as `berth list` prints it) ----

export function formatBytes(bytes) {
  if (bytes === null || bytes === undefined) return '-';
  if (bytes < 1024) return `${bytes}b`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)}kb`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)}mb`;
  return `${(bytes / 1024 ** 3).toFixed(2)}gb`;
}

export function formatUptime(ms) {
  if (ms === null || ms === undefined) return '-';
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 48 * 3600) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

export function formatPorts(view) {
  const parts = [];
  if (view.port !== null) parts.push(String(view.port));
  const block = (list, proto) => (list.length === 0 ? '' : list.length === 1 ? `${list[0]}/${proto}` : `${list[0]}-${list.at(-1)}/${proto}`);
  const tcp = view.ports.tcp.filter((p) => p !== view.port || view.ports.tcp.length > 1);
  for (const b of [block(tcp, 'tcp'), block(view.ports.udp, 'udp')]) if (b) parts.push(b);
  return parts.join(',') || '-';
}

// ---- sparklines ----

export const SVG = 'http://www.w3.org/2000/svg';

/** A path through the points, broken where a value is unknown (the process was not running). */
export function sparkPath(values, { floor = 0 } = {}) {
  const known = values.filter((v) => v !== null);
  if (known.length === 0) return '';
  const min = floor === null ? Math.min(...known) : floor;
  const max = Math.max(...known);
  // Memory: min..max with some headroom, so growth shows; CPU: 0..max, at least 1 %.
  const range = Math.max(max - min, floor === null ? max * 0.05 : 1, 1e-9);
  const step = 90 / Math.max(HISTORY_POINTS - 1, 1);
  const offset = 90 - (values.length - 1) * step;
  let d = '';
  let pen = 'M';
  values.forEach((v, i) => {
    if (v === null) return void (pen = 'M');
    d += `${pen}${(offset + i * step).toFixed(1)},${(19 - ((v - min) / range) * 18).toFixed(1)} `;
    pen = 'L';
  });
  return d;
}

export function sparkline() {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'spark');
  svg.setAttribute('viewBox', '0 0 90 20');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.append(document.createElementNS(SVG, 'path'));
  return svg;
}

// ---- keyed tables ----

/** Makes tbody's rows match `items`: rows are created once per key, then updated in place. */
export function syncRows(tbody, items, keyOf, create, update) {
  const existing = new Map([...tbody.rows].map((row) => [row.dataset.key, row]));
  let previous = null;
  for (const item of items) {
    const key = keyOf(item);
    let row = existing.get(key);
    existing.delete(key);
    if (!row) row = create(item, key);
    update(row, item);
    const expected = previous ? previous.nextSibling : tbody.firstChild;
    if (row !== expected) tbody.insertBefore(row, expected);
    previous = row;
  }
  for (const row of existing.values()) row.remove();
}

export function setText(node, text) {
  if (node.textContent !== text) node.textContent = text;
}
