/** `berth delete NAME... | -f FILE`: remove the manifests; the controller stops the apps and frees their ports. */
import type { Command } from '../command.js';
import { resolveManifestDir } from '../../apply/manifest-dir.js';
import { findManifest } from '../../apply/find-manifest.js';
import { editManifestFile } from '../../apply/edit-manifest-file.js';
import { withManifestLock } from '../../apply/manifest-lock.js';
import { readApplyInput } from '../../apply/read-apply-input.js';
import { resourceRef } from '../../apply/plan-apply.js';
import { waitForApps } from '../../apply/wait-for-apps.js';
import { UsageError } from '../../errors.js';

export const command: Command = {
  name: 'delete',
  summary: 'Delete apps: removes their manifests from the watched directory; the controller stops their instances and frees their ports. Waits until the controller has done so (--no-wait returns at once).',
  usage: 'berth delete NAME... | -f FILE [--no-wait] [--dir DIR]',
  options: { filename: { type: 'string', short: 'f' }, 'no-wait': { type: 'boolean' }, dir: { type: 'string' } },
  async run({ values, positionals }, ctx) {
    const dir = await resolveManifestDir(ctx, values.dir as string | undefined);
    const names = [...positionals];
    if (values.filename) {
      const { documents } = await readApplyInput(values.filename as string, { cwd: ctx.cwd, stdin: ctx.stdin });
      names.push(...documents.map((d) => d.resource.metadata.name));
    }
    if (names.length === 0) throw new UsageError('delete needs an app name or -f FILE');
    await withManifestLock(ctx.home, async () => {
      const found = await Promise.all(names.map((name) => findManifest(dir, name)));
      for (const { file, resource } of found) {
        await editManifestFile(file, resource.metadata.name, { remove: true });
        ctx.out(`${resourceRef({ kind: resource.kind, name: resource.metadata.name })} deleted`);
      }
    });
    if (!values['no-wait']) await waitForApps(ctx.home, names.map((name) => ({ name, gone: true })), 60_000);
    return 0;
  },
};
