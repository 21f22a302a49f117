/** `berth scale NAME --instances N`: edits spec.instances in the app's manifest, as `kubectl scale` edits the object. */
import type { Command } from '../command.js';
import { resolveManifestDir } from '../../apply/manifest-dir.js';
import { parseInstanceCount, scaleApp } from '../../apply/scale-app.js';
import { UsageError } from '../../errors.js';

export const command: Command = {
  name: 'scale',
  summary: 'Change the number of instances of an app (written to its manifest). Scaling up starts the new instances and keeps the others; scaling down stops the highest.',
  usage: 'berth scale NAME --instances N [--dir DIR]',
  options: { instances: { type: 'string', short: 'i' }, replicas: { type: 'string' }, dir: { type: 'string' } },
  async run({ values, positionals }, ctx) {
    const [name] = positionals;
    const text = (values.instances ?? values.replicas) as string | undefined;
    if (!name || text === undefined) throw new UsageError('scale needs a name and --instances N');
    const instances = parseInstanceCount(text);
    const dir = await resolveManifestDir(ctx, values.dir as string | undefined);
    ctx.out(await scaleApp({ dir, name, instances }));
    return 0;
  },
};
