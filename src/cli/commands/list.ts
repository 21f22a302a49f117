/** `berth list` (ls, get): one row per instance, SPEC.md's columns. */
import type { Command } from '../command.js';
import { readControllerWarnings, readInstances } from '../read-state.js';
import { formatTable } from '../format/table.js';
import { formatBytes, formatStatus, formatUptime } from '../format/human.js';
import { outputOption, parseOutputFormat, renderData } from '../format/output-format.js';
import { formatInstancePorts } from '../../ports/port-text.js';

export const command: Command = {
  name: 'list',
  aliases: ['ls', 'get'],
  summary: 'List every instance: status, PID, port, CPU, memory, uptime, restarts.',
  usage: 'berth list [NAME] [-o json|yaml|wide]',
  options: { ...outputOption },
  async run({ values, positionals }, ctx) {
    const format = parseOutputFormat(values.output);
    let [views, warnings] = await Promise.all([readInstances(ctx), format === 'json' || format === 'yaml' ? [] : readControllerWarnings(ctx)]);
    if (positionals.length) views = views.filter((v) => positionals.includes(v.app));
    if (format === 'json' || format === 'yaml') {
      ctx.out(await renderData(views, format));
      return 0;
    }
    const warn = () => {
      for (const warning of warnings) ctx.err(`Warning: ${warning}`);
    };
    if (views.length === 0) {
      ctx.out('No apps. Drop a manifest in the watched directory or run `berth apply -f FILE`.');
      warn();
      return 0;
    }
    const headers = ['ID', 'Name', 'Status', 'PID', 'Port', 'CPU (%)', 'Memory', 'Uptime', 'Restarts'];
    if (format === 'wide') headers.push('Spec');
    const rows = views.map((v) => {
      const row = [
        String(v.instance),
        v.app,
        formatStatus(v.status, ctx.isTTY),
        v.pid === null ? '-' : String(v.pid),
        formatInstancePorts({ port: v.port ?? undefined, tcp: v.ports.tcp, udp: v.ports.udp }, { separator: ',', none: '-' }),
        v.cpu === null ? '-' : v.cpu.toFixed(1),
        formatBytes(v.memory),
        formatUptime(v.uptime),
        String(v.restarts),
      ];
      if (format === 'wide') row.push(v.specHash);
      return row;
    });
    ctx.out(formatTable(headers, rows));
    warn();
    return 0;
  },
};
