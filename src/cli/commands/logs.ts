/**
 * `berth logs [NAME[/INDEX]...] [-f] [--lines N] [--err|--out]`: reads the
 * instances' log files directly (no controller needed). With no name, every
 * app, merged as lines arrive, docker compose style: each line prefixed
 * `NAME/INDEX | ` (`NAME | ` for a spec.logs file every instance shares).
 */
import type { Command } from '../command.js';
import { readLogFilesTail, followLogs, type LogLine } from '../../process/read-logs.js';
import { listSelectedLogFiles } from '../../process/log-sources.js';
import { UsageError } from '../../errors.js';
import { selectLogs } from '../log-selection.js';
import { examplesHelp } from '../format/examples.js';

const PREFIX_COLOURS = [36, 33, 32, 35, 34, 96, 93, 92, 95, 94];

function prefixer(color: boolean): (line: LogLine) => string {
  const colours = new Map<string, number>();
  return (line) => {
    const label = line.shared ? line.app : `${line.app}/${line.index}`;
    if (!color) return `${label} | `;
    if (!colours.has(line.app)) colours.set(line.app, PREFIX_COLOURS[colours.size % PREFIX_COLOURS.length]!);
    return `\u001b[${colours.get(line.app)}m${label} |\u001b[0m `;
  };
}

function parseCount(value: unknown, flag: string, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[0-9]+$/.test(String(value))) throw new UsageError(`${flag} must be ${what}, got "${String(value)}"`);
  return Number(value);
}
import { waitForSignal } from '../wait-for-signal.js';

export const command: Command = {
  name: 'logs',
  summary: 'Print the last lines of apps\' logs (stdout and stderr of every instance); -f follows them. With no name: every app, each line prefixed NAME/INDEX.',
  usage: 'berth logs [NAME[/INDEX]...] [-f] [--lines N] [--instance I] [--err | --out]',
  help: [
    '--lines N counts per log file (out and err of each instance), as pm2 logs does; default 15.',
    'Lines of stderr go to stderr. The files stay readable without a controller and after an app is deleted.',
    '',
    examplesHelp(['berth logs', 'berth logs web -f', 'berth logs web/2 --lines 100', 'berth logs --err -f', 'berth logs web api --lines 0 -f']),
  ].join('\n'),
  options: {
    follow: { type: 'boolean', short: 'f' },
    lines: { type: 'string', short: 'n' },
    instance: { type: 'string', short: 'i' },
    err: { type: 'boolean' },
    out: { type: 'boolean' },
  },
  async run({ values, positionals }, ctx) {
    const lines = parseCount(values.lines, '--lines', 'a whole number') ?? 15;
    const instance = parseCount(values.instance, '--instance', 'an instance number');
    if (values.err && values.out) throw new UsageError('--err and --out together are the default; give one or neither');
    const selection = await selectLogs(ctx, positionals, instance);
    const files = () => listSelectedLogFiles(selection).filter((f) => (values.err ? f.stream === 'err' : values.out ? f.stream === 'out' : true));
    const prefix = prefixer(ctx.color);
    const print = (line: LogLine) => (line.stream === 'err' ? ctx.err : ctx.out)(`${prefix(line)}${line.line}`);
    for (const line of await readLogFilesTail(files(), lines)) print(line);
    if (!values.follow) return 0;
    const stop = followLogs(files, print, { onError: (err) => ctx.err(`Error: ${(err as Error).message}`) });
    await waitForSignal();
    stop();
    return 0;
  },
};
