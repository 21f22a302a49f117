/**
 * `berth top`'s screen as lines of text, from the instance list and the
 * terminal size: one row per instance with a CPU bar (percent of one core)
 * and a memory bar (share of the largest instance, so the one that grows
 * stands out). Pure: the command feeds it data and a size, the terminal
 * adapter draws what it returns.
 */
import type { InstanceView } from '../../api/api-types.js';
import type { InstanceStatus } from '../../store/instances-table.js';
import { formatBytes, formatUptime } from '../format/human.js';

export interface TopInput {
  instances: readonly InstanceView[];
  columns: number;
  rows: number;
  now: Date;
  colour: boolean;
  /** A line under the header (controller unreachable, ...). */
  note?: string;
}

const STATUS_COLOURS: Record<InstanceStatus, number> = { online: 32, starting: 33, pending: 33, stopping: 33, stopped: 90, errored: 31, crashloop: 31 };
const paint = (on: boolean, code: number, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

/** Load colours: green, yellow from 60 %, red from 90 %. */
const loadColour = (fraction: number) => (fraction >= 0.9 ? 31 : fraction >= 0.6 ? 33 : 32);
const CYAN = 36;

/** `[|||||     ]` of `width` characters in all, filled to `fraction`, painted `code`. */
export function bar(fraction: number, width: number, colour: boolean, code = loadColour(fraction)): string {
  const inner = Math.max(width - 2, 1);
  const filled = Math.round(Math.min(Math.max(fraction, 0), 1) * inner);
  return `[${paint(colour && filled > 0, code, '|'.repeat(filled))}${' '.repeat(inner - filled)}]`;
}

function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const cut = text.length > width ? `${text.slice(0, Math.max(width - 1, 0))}…`.slice(0, width) : text;
  return align === 'left' ? cut.padEnd(width) : cut.padStart(width);
}

/**
 * @example renderTop({ instances, columns: 100, rows: 30, now: new Date(), colour: false }).join('\n')
 */
export function renderTop({ instances, columns, rows, now, colour, note }: TopInput): string[] {
  const width = Math.max(columns, 40);
  const apps = new Set(instances.map((i) => i.app)).size;
  const title = `berth top · ${instances.length} instance${instances.length === 1 ? '' : 's'} of ${apps} app${apps === 1 ? '' : 's'} · ${now.toTimeString().slice(0, 8)}`;
  const lines = [`${fit(title, width - 8)}  q quit`];
  if (note) lines.push(fit(note, width));

  const name = Math.min(Math.max(8, ...instances.map((i) => `${i.app}/${i.instance}`.length)), 28);
  const fixed = [name, 9, 7, 8, 9, 8, 6];
  // What is left after the fixed columns and the 8 gaps between 9 columns goes to the two bars, half each.
  const spare = width - fixed.reduce((a, b) => a + b, 0) - 8;
  const barWidth = Math.min(Math.floor(spare / 2), 40);
  const bars = barWidth >= 5;
  // With bars, the bar carries the column's name and the number under it stays unlabelled.
  const usage = bars ? [fit('CPU', barWidth), fit('', 8), fit('MEMORY', barWidth), fit('', 9)] : [fit('CPU', 8, 'right'), fit('MEMORY', 9, 'right')];
  const header = [fit('APP/ID', name), fit('STATUS', 9), fit('PID', 7, 'right'), ...usage, fit('RESTARTS', 8, 'right'), fit('UPTIME', 6, 'right')];
  lines.push(header.join(' ').trimEnd());

  const largest = Math.max(1, ...instances.map((i) => i.memory ?? 0));
  const room = Math.max(rows - lines.length, 1);
  const shown = instances.length > room ? instances.slice(0, room - 1) : instances;
  for (const view of shown) {
    const cpu = view.pid === null ? null : view.cpu;
    const memory = view.pid === null ? null : view.memory;
    const cells = [
      fit(`${view.app}/${view.instance}`, name),
      paint(colour, STATUS_COLOURS[view.status], fit(view.status, 9)),
      fit(view.pid === null ? '-' : String(view.pid), 7, 'right'),
      ...(bars ? [bar((cpu ?? 0) / 100, barWidth, colour)] : []),
      fit(cpu === null ? '-' : `${cpu.toFixed(1)}%`, 8, 'right'),
      // Relative to the largest: no "too much" to warn about, one neutral colour.
      ...(bars ? [bar((memory ?? 0) / largest, barWidth, colour, CYAN)] : []),
      fit(formatBytes(memory), 9, 'right'),
      fit(String(view.restarts), 8, 'right'),
      fit(formatUptime(view.uptime), 6, 'right'),
    ];
    lines.push(cells.join(' ').trimEnd());
  }
  if (shown.length < instances.length) lines.push(`… ${instances.length - shown.length} more (make the terminal taller)`);
  if (instances.length === 0) lines.push('No apps. Drop a manifest in the watched directory or run `berth apply -f FILE`.');
  return lines;
}
