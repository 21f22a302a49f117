/** `berth list` (ls, get): one row per instance, SPEC.md's columns. */
import type { Command } from '../command.js';
import { readInstances } from '../read-state.js';
import { formatTable } from '../format/table.js';
import { formatBytes, formatStatus, formatUptime } from '../format/human.js';
import { outputOption, parseOutputFormat, renderData } from '../format/output-format.js';
import type { InstanceView } from '../../api/api-types.js';

function portText(view: InstanceView): string {
  const parts: string[] = [];
  if (view.port !== null) parts.push(String(view.port));
  const block = (list: number[], proto: string) => (list.length === 0 ? '' : list.length === 1 ? `${list[0]}/${proto}` : `${list[0]}-${list.at(-1)}/${proto}`);
  for (const b of [block(view.ports.tcp.filter((p) => p !== view.port || view.ports.tcp.length > 1), 'tcp'), block(view.ports.udp, 'udp')]) if (b) parts.push(b);
  return parts.join(',') || '-';
}

export const command: Command = {
  name: 'list',
  aliases: ['ls', 'get'],
  summary: 'List every instance: status, PID, port, CPU, memory, uptime, restarts.',
  usage: 'berth list [NAME] [-o json|yaml|wide]',
  options: { ...outputOption },
  async run({ values, positionals }, ctx) {
    const format = parseOutputFormat(values.output);
    let views = await readInstances(ctx);
    if (positionals.length) views = views.filter((v) => positionals.includes(v.app));
    if (format === 'json' || format === 'yaml') {
      ctx.out(await renderData(views, format));
      return 0;
    }
    if (views.length === 0) {
      ctx.out('No apps. Drop a manifest in the watched directory or run `berth apply -f FILE`.');
      return 0;
    }
    const headers = ['ID', 'Name', 'Status', 'PID', 'Port', 'CPU (%)', 'Memory', 'Uptime', 'Restarts'];
    if (format === 'wide') headers.push('Spec');
    const rows = views.map((v) => {
      const row = [
        String(v.instance),
        v.app,
        formatStatus(v.status, ctx.color),
        v.pid === null ? '-' : String(v.pid),
        portText(v),
        v.cpu === null ? '-' : v.cpu.toFixed(1),
        formatBytes(v.memory),
        formatUptime(v.uptime),
        String(v.restarts),
      ];
      if (format === 'wide') row.push(v.specHash);
      return row;
    });
    ctx.out(formatTable(headers, rows));
    return 0;
  },
};
