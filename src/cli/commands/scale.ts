/**
 * `berth scale NAME N|+N|-N` (also --instances N, --replicas N): edits
 * spec.instances in the app's manifest, as `kubectl scale` edits the object.
 * +N and -N are relative to the manifest's count, as `pm2 scale web +2`.
 */
import type { Command } from '../command.js';
import { resolveManifestDir } from '../../apply/manifest-dir.js';
import { scaleApp } from '../../apply/scale-app.js';
import { parseInstanceCount } from '../parse-instance-count.js';
import { UsageError } from '../../errors.js';
import { examplesHelp } from '../format/examples.js';

export const command: Command = {
  name: 'scale',
  summary: 'Change the number of instances of an app (written to its manifest). Scaling up starts the new instances and keeps the others; scaling down stops the highest.',
  usage: 'berth scale NAME N|+N|-N [--dir DIR]\nberth scale NAME --instances N | --replicas N',
  help: examplesHelp(['berth scale web 4', 'berth scale web +2      # two more (pm2 scale web +2)', 'berth scale web -1', 'berth scale web --replicas 3   # as kubectl writes it']),
  options: { instances: { type: 'string', short: 'i' }, replicas: { type: 'string' }, dir: { type: 'string' } },
  normaliseArgv(argv) {
    // "-2" is a count here, not a short flag: move it behind "--" so the parser keeps it positional.
    const counts = argv.filter((a) => /^-[0-9]+$/.test(a));
    return counts.length === 0 || argv.includes('--') ? argv : [...argv.filter((a) => !counts.includes(a)), '--', ...counts];
  },
  async run({ values, positionals }, ctx) {
    const [name, countWord, ...extra] = positionals;
    const flag = (values.instances ?? values.replicas) as string | undefined;
    if (!name) throw new UsageError('scale needs an app name: berth scale NAME N|+N|-N');
    if (extra.length || (flag !== undefined && countWord !== undefined)) throw new UsageError('scale takes one app and one count: berth scale NAME N|+N|-N');
    const word = flag ?? countWord;
    if (word === undefined) throw new UsageError('scale needs a count: berth scale NAME N|+N|-N (or --instances N)');
    if (flag !== undefined && /^[+-]/.test(flag)) throw new UsageError(`--instances takes a whole number; for a relative change write \`berth scale ${name} ${flag}\``);
    if (flag !== undefined) parseInstanceCount(flag, '--instances');
    const dir = await resolveManifestDir(ctx, values.dir as string | undefined);
    ctx.out(await scaleApp({ home: ctx.home, dir, name, count: word }));
    return 0;
  },
};
