/** How `berth list` renders instances: table cells, names, and what counts as a change for -w. */
import type { InstanceView } from '../api/api-types.js';
import { formatBytes, formatStatus, formatUptime } from './format/human.js';

export const LIST_HEADERS = ['ID', 'Name', 'Status', 'PID', 'Port', 'CPU (%)', 'Memory', 'Uptime', 'Restarts'];

function portText(view: InstanceView): string {
  const parts: string[] = [];
  if (view.port !== null) parts.push(String(view.port));
  const block = (list: number[], proto: string) => (list.length === 0 ? '' : list.length === 1 ? `${list[0]}/${proto}` : `${list[0]}-${list.at(-1)}/${proto}`);
  for (const b of [block(view.ports.tcp.filter((p) => p !== view.port || view.ports.tcp.length > 1), 'tcp'), block(view.ports.udp, 'udp')]) if (b) parts.push(b);
  return parts.join(',') || '-';
}

/** One table row; `status` may be overridden (-w prints `deleted` rows). */
export function listRow(v: InstanceView, { wide, color, status }: { wide: boolean; color: boolean; status?: string }): string[] {
  const row = [
    String(v.instance),
    v.app,
    status ?? formatStatus(v.status, color),
    v.pid === null ? '-' : String(v.pid),
    portText(v),
    v.cpu === null ? '-' : v.cpu.toFixed(1),
    formatBytes(v.memory),
    formatUptime(v.uptime),
    String(v.restarts),
  ];
  if (wide) row.push(v.specHash);
  return row;
}

/** `-o name`: NAME/INDEX, which every action takes as a target. */
export function instanceName(v: InstanceView): string {
  return `${v.app}/${v.instance}`;
}

/** What -w reprints a row for: not CPU, memory or uptime, which move all the time. */
export function watchKey(v: InstanceView): string {
  return JSON.stringify([v.status, v.pid, v.port, v.ports, v.restarts, v.specHash]);
}
