/** `berth flush [NAME[/INDEX]...]`: empties log files, as `pm2 flush` does. */
import path from 'node:path';
import type { Command } from '../command.js';
import { flushLogFiles, listSelectedLogFiles } from '../../process/log-sources.js';
import { selectLogs } from '../log-selection.js';
import { examplesHelp } from '../format/examples.js';

export const command: Command = {
  name: 'flush',
  summary: 'Empty the log files of apps (every app when none is named) and remove their rotated copies. Running apps keep writing to the emptied files.',
  usage: 'berth flush [NAME[/INDEX]...]',
  help: examplesHelp(['berth flush', 'berth flush web', 'berth flush web/1']),
  options: {},
  async run({ positionals }, ctx) {
    const selection = await selectLogs(ctx, positionals);
    const flushed = await flushLogFiles(listSelectedLogFiles(selection));
    for (const file of flushed) ctx.out(`flushed ${path.relative(ctx.cwd, file).startsWith('..') ? file : path.relative(ctx.cwd, file)}`);
    if (flushed.length === 0) ctx.out('no log files to flush');
    return 0;
  },
};
