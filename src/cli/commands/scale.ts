/**
 * `berth scale NAME N|+N|-N` (also --instances N, --replicas N): edits
 * spec.instances in the app's manifest, as `kubectl scale` edits the object.
 * +N and -N are relative to the manifest's count, as `pm2 scale web +2`.
 */
import type { Command } from '../command.js';
import { resolveManifestDir } from '../../apply/manifest-dir.js';
import { findManifest } from '../../apply/find-manifest.js';
import { editManifestFile } from '../../apply/edit-manifest-file.js';
import { BerthError, UsageError } from '../../errors.js';
import { checkPortSpecFits, parsePortSpec } from '../../ports/port-spec.js';
import { examplesHelp } from '../format/examples.js';

const MAX_INSTANCES = 10_000;

/**
 * The new count from a count word and the current count.
 *
 * @example scaleTarget('+2', 3) === 5; scaleTarget('-1', 3) === 2; scaleTarget('4', 3) === 4
 * @throws UsageError for anything but a decimal integer, or a result outside 0..10000
 */
export function scaleTarget(word: string, current: number): number {
  const match = /^([+-]?)([0-9]+)$/.exec(word);
  if (!match) throw new UsageError(`scale takes N, +N or -N (decimal integers), got "${word}"`);
  const amount = Number(match[2]);
  const result = match[1] === '+' ? current + amount : match[1] === '-' ? current - amount : amount;
  if (result < 0) throw new UsageError(`cannot scale by ${word}: the app has ${current} instance${current === 1 ? '' : 's'}`);
  if (result > MAX_INSTANCES) throw new UsageError(`instances must be at most ${MAX_INSTANCES}, got ${result}`);
  return result;
}

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
    const dir = await resolveManifestDir(ctx, values.dir as string | undefined);
    const { file, resource } = await findManifest(dir, name);
    if (resource.kind !== 'App') throw new BerthError('USAGE', `"${name}" is a PortClaim; it has no instances`);
    const current = resource.spec.instances;
    const instances = scaleTarget(word, current);
    if (resource.spec.port !== undefined) checkPortSpecFits(parsePortSpec(resource.spec.port), instances, { shared: resource.spec.socket?.shared });
    if (current === instances) {
      ctx.out(`app/${name} unchanged (${instances} instances)`);
      return 0;
    }
    await editManifestFile(file, name, { edit: (doc) => doc.setIn(['spec', 'instances'], instances) });
    ctx.out(`app/${name} scaled to ${instances} (was ${current})`);
    return 0;
  },
};
