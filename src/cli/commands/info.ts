/** `berth info NAME` (describe): configured vs effective ports, instances, conditions, events. */
import type { Command } from '../command.js';
import { readAppInfo } from '../read-state.js';
import { formatTable } from '../format/table.js';
import { formatStatus, formatUptime } from '../format/human.js';
import { outputOption, parseOutputFormat, renderData } from '../format/output-format.js';
import { UsageError } from '../../errors.js';
import type { AppInfo, AppSpecInfo } from '../../api/api-types.js';

const indent = (text: string) => text.split('\n').map((l) => `  ${l}`).join('\n');

function age(iso: string | number): string {
  return formatUptime(Date.now() - (typeof iso === 'number' ? iso : Date.parse(iso)));
}

/** Host time, as cron reads its schedule: @example formatLocalTime(Date.now()) // '2026-01-16 03:00:00' */
function formatLocalTime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
}

/** @example describeDebounce(1500) === '1.5s'; describeDebounce(500) === '500ms' */
function describeDebounce(ms: number): string {
  return ms >= 1000 ? `${ms / 1000}s` : `${ms}ms`;
}

/** The dependsOn, envFile, cronRestart and watch lines; nothing for a field the app does not set. */
function renderSpecInfo(spec: AppSpecInfo, field: (label: string, value: string) => void): void {
  if (spec.dependsOn.length > 0) field('Depends on', spec.dependsOn.map((d) => `${d.name} (${d.condition})`).join(', '));
  if (spec.envFile.length > 0) field('Env files', spec.envFile.join(', '));
  if (spec.cronRestart !== null) {
    const next = spec.nextCronRestart === null ? '' : `  (next ${formatLocalTime(spec.nextCronRestart)}, in ${formatUptime(spec.nextCronRestart - Date.now())})`;
    field('Cron restart', `${spec.cronRestart}${next}`);
  }
  if (spec.watch) {
    const ignore = spec.watch.ignore.length > 0 ? `; ignore ${spec.watch.ignore.join(', ')}` : '';
    field('Watch', `${spec.watch.paths.join(', ')}  (debounce ${describeDebounce(spec.watch.debounceMs)}${ignore})`);
  }
}

export function renderInfo(info: AppInfo, tty: boolean): string {
  const lines: string[] = [];
  const field = (label: string, value: string) => lines.push(`${`${label}:`.padEnd(14)}${value}`);
  field('Name', info.name);
  field('Kind', info.kind);
  field('Source', info.source);
  field('Labels', Object.entries(info.labels).map(([k, v]) => `${k}=${v}`).join(',') || '<none>');
  field('Generation', `${info.generation} (observed ${info.observedGeneration})`);
  if (info.kind === 'PortClaim') {
    field('Demand', `tcp ${info.configured.ports.tcp}, udp ${info.configured.ports.udp}`);
    field('Claimed', `tcp [${info.claimed?.tcp.join(', ') ?? ''}] udp [${info.claimed?.udp.join(', ') ?? ''}]`);
  } else {
    field('State', info.desiredState);
    if (info.spec) renderSpecInfo(info.spec, field);
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
  lines.push('Conditions:');
  lines.push(info.conditions.length === 0 ? '  <none>' : indent(formatTable(
    ['TYPE', 'STATUS', 'REASON', 'AGE', 'MESSAGE'],
    info.conditions.map((c) => [c.type, c.status, c.reason, age(c.lastTransitionTime), c.message]),
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
    info.events.map((e) => [age(e.at), e.type, e.reason, e.instance === null ? '-' : String(e.instance), e.message]),
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
    ctx.out(format === 'json' || format === 'yaml' ? await renderData(info, format) : renderInfo(info, ctx.isTTY));
    return 0;
  },
};
