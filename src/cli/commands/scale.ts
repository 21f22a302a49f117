/** `berth scale NAME --instances N`: edits spec.instances in the app's manifest, as `kubectl scale` edits the object. */
import type { Command } from '../command.js';
import { resolveManifestDir } from '../../apply/manifest-dir.js';
import { findManifest } from '../../apply/find-manifest.js';
import { editManifestFile } from '../../apply/edit-manifest-file.js';
import { withManifestLock } from '../../apply/manifest-lock.js';
import { BerthError, UsageError } from '../../errors.js';
import { checkPortSpecFits, parsePortSpec } from '../../ports/port-spec.js';
import { parseInstanceCount } from '../parse-instance-count.js';

export const command: Command = {
  name: 'scale',
  summary: 'Change the number of instances of an app (written to its manifest). Scaling up starts the new instances and keeps the others; scaling down stops the highest.',
  usage: 'berth scale NAME --instances N [--dir DIR]',
  options: { instances: { type: 'string', short: 'i' }, replicas: { type: 'string' }, dir: { type: 'string' } },
  async run({ values, positionals }, ctx) {
    const [name] = positionals;
    const text = (values.instances ?? values.replicas) as string | undefined;
    if (!name || text === undefined) throw new UsageError('scale needs a name and --instances N');
    const instances = parseInstanceCount(text, '--instances');
    const dir = await resolveManifestDir(ctx, values.dir as string | undefined);
    const line = await withManifestLock(ctx.home, async () => {
      const { file, resource } = await findManifest(dir, name);
      if (resource.kind !== 'App') throw new BerthError('USAGE', `"${name}" is a PortClaim; it has no instances`);
      if (resource.spec.port !== undefined) checkPortSpecFits(parsePortSpec(resource.spec.port), instances);
      if (resource.spec.instances === instances) return `app/${name} unchanged (${instances} instances)`;
      await editManifestFile(file, name, { edit: (doc) => doc.setIn(['spec', 'instances'], instances) });
      return `app/${name} scaled to ${instances}`;
    });
    ctx.out(line);
    return 0;
  },
};
