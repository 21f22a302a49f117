/** `berth info NAME` (describe): configured vs effective ports, instances, conditions, events. */
import type { Command } from '../command.js';
import { readAppInfo } from '../read-state.js';
import { formatTable } from '../format/table.js';
import { formatAge, formatStatus, formatUptime } from '../format/human.js';
import { outputOption, parseOutputFormat, renderData } from '../format/output-format.js';
import { UsageError } from '../../errors.js';
import { displayPath } from '../../manifest/display-path.js';
import type { AppInfo } from '../../api/api-types.js';

const indent = (text: string) => text.split('\n').map((l) => `  ${l}`).join('\n');

export function renderInfo(info: AppInfo, tty: boolean, cwd = process.cwd()): string {
  const lines: string[] = [];
  const field = (label: string, value: string) => lines.push(`${`${label}:`.padEnd(14)}${value}`);
  field('Name', info.name);
  field('Kind', info.kind);
  field('Source', displayPath(info.source, cwd));
  field('Labels', Object.entries(info.labels).map(([k, v]) => `${k}=${v}`).join(',') || '<none>');
  field('Generation', `${info.generation} (observed ${info.observedGeneration})`);
  if (info.kind === 'PortClaim') {
    field('Demand', `tcp ${info.configured.ports.tcp}, udp ${info.configured.ports.udp}`);
    field('Claimed', `tcp [${info.claimed?.tcp.join(', ') ?? ''}] udp [${info.claimed?.udp.join(', ') ?? ''}]`);
  } else {
    field('State', info.desiredState);
    field('Instances', `${info.effective.instances}${info.effective.instances !== info.configured.instances ? ` (manifest: ${info.configured.instances})` : ''}`);
    lines.push('Ports:');
    lines.push(`  Configured:  ${info.configured.port ?? '<none>'}${info.configured.ports.tcp || info.configured.ports.udp ? `  demand tcp ${info.configured.ports.tcp}, udp ${info.configured.ports.udp}` : ''}`);
    lines.push(`  Effective:   ${info.effective.port ?? '<none>'}${info.effective.override ? '  (runtime override; holds until the manifest\'s spec changes)' : ''}`);
    lines.push('Instances:');
    if (info.instances.length === 0) lines.push('  <none>');
    else {
      lines.push(indent(formatTable(
        ['ID', 'STATUS', 'PID', 'PORT', 'TCP', 'UDP', 'RESTARTS', 'UPTIME'],
        info.instances.map((i) => [String(i.instance), formatStatus(i.status, tty), i.pid === null ? '-' : String(i.pid), i.port === null ? '-' : String(i.port), i.ports.tcp.join(',') || '-', i.ports.udp.join(',') || '-', String(i.restarts), formatUptime(i.uptime)]),
      )));
    }
  }
  if (info.manifestErrors.length) {
    lines.push('Manifest errors (running on the last good spec):');
    for (const message of info.manifestErrors) lines.push(`  ${message}`);
  }
  if (info.storeFault) {
    lines.push(`Store:        cannot write state.db for ${formatAge(info.storeFault.since)}: ${info.storeFault.message} (${info.storeFault.failures} failed write${info.storeFault.failures === 1 ? '' : 's'}; supervision goes on, retrying)`);
  }
  lines.push('Conditions:');
  lines.push(info.conditions.length === 0 ? '  <none>' : indent(formatTable(
    ['TYPE', 'STATUS', 'REASON', 'AGE', 'MESSAGE'],
    info.conditions.map((c) => [c.type, c.status, c.reason, formatAge(c.lastTransitionTime), c.message]),
  )));
  if (info.sync) {
    lines.push('Sync:');
    lines.push(`  Source:      ${info.sync.source} (${info.sync.repo})`);
    lines.push(`  Revision:    ${info.sync.revision ?? '<none applied>'}`);
    lines.push(`  Ready:       ${info.sync.ready}${info.sync.lastError ? `  (${info.sync.lastError})` : ''}`);
  }
  lines.push('Events:');
  lines.push(info.events.length === 0 ? '  <none>' : indent(formatTable(
    ['AGE', 'TYPE', 'REASON', 'INSTANCE', 'MESSAGE'],
    info.events.map((e) => [formatAge(e.at), e.type, e.reason, e.instance === null ? '-' : String(e.instance), e.message]),
  )));
  return lines.join('\n');
}

export const command: Command = {
  name: 'info',
  aliases: ['describe'],
  summary: 'Describe an app: configured and effective ports, each instance\'s assignment, conditions and recent events.',
  usage: 'berth info NAME [-o json|yaml]',
  options: { ...outputOption },
  async run({ values, positionals }, ctx) {
    const format = parseOutputFormat(values.output);
    const [name] = positionals;
    if (!name) throw new UsageError('info needs an app name: berth info NAME');
    const info = await readAppInfo(ctx, name);
    ctx.out(format === 'json' || format === 'yaml' ? await renderData(info, format) : renderInfo(info, ctx.isTTY, ctx.cwd));
    return 0;
  },
};
