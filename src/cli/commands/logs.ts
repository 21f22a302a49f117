/**
 * `berth logs NAME [-f] [--lines N] [--instance I]`: reads the instances' log
 * files directly (no controller needed), PM2-style "NAME-I | line" prefixes.
 */
import path from 'node:path';
import type { Command } from '../command.js';
import { readLogTail, followLogs, type LogLine } from '../../process/read-logs.js';
import { UsageError, NotFoundError } from '../../errors.js';
import type { LogSpec } from '../../manifest/types.js';
import { withExistingStore } from '../../store/with-existing-store.js';
import { waitForSignal } from '../wait-for-signal.js';

export const command: Command = {
  name: 'logs',
  summary: 'Print the last lines of an app\'s logs (stdout and stderr of every instance); -f follows them.',
  usage: 'berth logs NAME [-f] [--lines N] [--instance I] [--err | --out]',
  options: {
    follow: { type: 'boolean', short: 'f' },
    lines: { type: 'string', short: 'n' },
    instance: { type: 'string', short: 'i' },
    err: { type: 'boolean' },
    out: { type: 'boolean' },
  },
  async run({ values, positionals }, ctx) {
    const [name] = positionals;
    if (!name) throw new UsageError('logs needs an app name: berth logs NAME');
    const lines = values.lines === undefined ? 15 : Number(values.lines);
    if (!Number.isInteger(lines) || lines < 0) throw new UsageError(`--lines must be a whole number, got "${String(values.lines)}"`);
    const index = values.instance === undefined ? 'all' : Number(values.instance);
    if (index !== 'all' && (!Number.isInteger(index) || index < 0)) throw new UsageError(`--instance must be an instance number, got "${String(values.instance)}"`);
    // The app's own log paths (spec.logs) when the store knows it; the default paths otherwise.
    const logs = await withExistingStore(ctx.home, (store) => {
      const record = store.apps.get(name);
      if (!record) throw new NotFoundError(`app "${name}"`);
      return (record.resource.spec as { logs?: LogSpec }).logs;
    }, () => undefined);
    const target = { app: name, index: index as number | 'all', logDir: path.join(ctx.home, 'logs'), logs };
    const wanted = (line: LogLine) => (values.err ? line.stream === 'err' : values.out ? line.stream === 'out' : true);
    const print = (line: LogLine) => {
      if (wanted(line)) (line.stream === 'err' ? ctx.err : ctx.out)(`${line.app}-${line.index} | ${line.line}`);
    };
    for (const line of await readLogTail(target, lines)) print(line);
    if (!values.follow) return 0;
    const stop = followLogs(target, print, { onError: (err) => ctx.err(`Error: ${(err as Error).message}`) });
    await waitForSignal();
    stop();
    return 0;
  },
};
