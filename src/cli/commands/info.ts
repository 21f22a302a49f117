/** `berth info NAME` (describe): configured vs effective ports, instances, conditions, events. */
import type { Command } from '../command.js';
import { readAppInfo } from '../read-state.js';
import { formatTable } from '../format/table.js';
import { formatAge, formatStatus, formatUptime } from '../format/human.js';
import { outputOption, parseOutputFormat, renderData } from '../format/output-format.js';
import { UsageError } from '../../errors.js';
import { displayPath } from '../../manifest/display-path.js';
import type { AppInfo, AppSpecInfo } from '../../api/api-types.js';
import type { RunView } from '../../controller/run-view.js';
import { examplesHelp } from '../format/examples.js';

const indent = (text: string) => text.split('\n').map((l) => `  ${l}`).join('\n');

/** A word as a shell would need it quoted (display only: berth runs no shell unless asked). */
function quoteWord(word: string): string {
  return /^[A-Za-z0-9_\-.,/:=@%+]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

function renderRun(run: RunView, field: (label: string, value: string) => void): void {
  field('Command', run.shell ? `sh -c ${quoteWord(run.script)}${run.args.length ? ` sh ${run.args.map(quoteWord).join(' ')}` : ''}` : [run.script, ...run.args].map(quoteWord).join(' '));
  field('Cwd', run.cwd);
  const limit = run.maxRestarts === null ? '' : `; errored after ${run.maxRestarts} exits in a row within ${formatUptime(run.minUptimeMs)}`;
  field('Restart', `${run.restartPolicy}${limit}; stop with ${run.stopSignal}, SIGKILL after ${formatUptime(run.stopTimeoutMs)}`);
  const env = Object.entries(run.env).map(([k, v]) => `${k}=${v}`);
  env.forEach((line, i) => field(i === 0 ? 'Env' : '', line));
  if (env.length === 0) field('Env', '<none> (plus PORT, BERTH_APP_NAME, ... per instance; see `berth env NAME`)');
  const shared = run.logs.length > 1 && run.logs[0]!.out === run.logs[1]!.out;
  const logs = shared ? [{ ...run.logs[0]!, label: 'all' }] : run.logs.map((l) => ({ ...l, label: String(l.instance) }));
  logs.forEach((l, i) => field(i === 0 ? 'Logs' : '', `${l.label}: ${l.out}  ${l.err}`));
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

export function renderInfo(info: AppInfo, tty: boolean, cwd = process.cwd()): string {
  const lines: string[] = [];
  const field = (label: string, value: string) => lines.push(`${(label ? `${label}:` : '').padEnd(14)}${value}`);
  field('Name', info.name);
  field('Kind', info.kind);
  field('Source', displayPath(info.source, cwd));
  field('Labels', Object.entries(info.labels).map(([k, v]) => `${k}=${v}`).join(',') || '<none>');
  field('Generation', `${info.generation} (observed ${info.observedGeneration})`);
  if (info.run) renderRun(info.run, field);
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
  summary: 'Describe an app: what it runs (command, cwd, restart policy, env with secrets masked, log paths), configured and effective ports, each instance\'s assignment, conditions and recent events.',
  usage: 'berth info NAME [-o json|yaml]',
  help: 'Env values whose key contains SECRET, TOKEN, PASSWORD or KEY show as *** (also in -o json|yaml); `berth env NAME[/INDEX]` prints them.\n\n' + examplesHelp(['berth info web', 'berth describe web -o yaml']),
  options: { ...outputOption },
  async run({ values, positionals }, ctx) {
    const format = parseOutputFormat(values.output);
    const [name] = positionals;
    if (!name) throw new UsageError('info needs an app name: berth info NAME');
    const info = await readAppInfo(ctx, name);
    ctx.out(format === 'json' || format === 'yaml' ? await renderData(info, format) : renderInfo(info, ctx.color, ctx.cwd));
    return 0;
  },
};
