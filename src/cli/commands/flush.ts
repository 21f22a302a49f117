/** `berth flush [NAME[/INDEX]...]`: empties log files, as `pm2 flush` does — only the ones berth created. */
import path from 'node:path';
import type { Command } from '../command.js';
import { flushLogFiles, listSelectedLogFiles } from '../../process/log-sources.js';
import { selectLogs } from '../log-selection.js';
import { examplesHelp } from '../format/examples.js';
import { withExistingStore } from '../../store/with-existing-store.js';
import { LogOwnership } from '../../instance/log-ownership.js';

export const command: Command = {
  name: 'flush',
  summary: 'Empty the log files of apps (every app when none is named) and remove their rotated copies. Running apps keep writing to the emptied files. Only files berth created are touched.',
  usage: 'berth flush [NAME[/INDEX]...]',
  help: examplesHelp(['berth flush', 'berth flush web', 'berth flush web/1']),
  options: {},
  async run({ positionals }, ctx) {
    const selection = await selectLogs(ctx, positionals);
    const files = listSelectedLogFiles(selection);
    // The store says which files berth created; without one, nothing is berth's to empty.
    const flushed = await withExistingStore(ctx.home, (store) => {
      const ownership = new LogOwnership(store, path.join(ctx.home, 'logs'));
      return flushLogFiles(files, (file, found) => ownership.owns(file, found));
    }, (): string[] => []);
    for (const file of flushed) ctx.out(`flushed ${path.relative(ctx.cwd, file).startsWith('..') ? file : path.relative(ctx.cwd, file)}`);
    if (flushed.length === 0) ctx.out('no log files to flush');
    return 0;
  },
};
