/** `berth delete NAME... | all | -l k=v | -f FILE`: remove the manifests; the controller stops the apps and frees their ports. */
import type { Command } from '../command.js';
import { resolveManifestDir } from '../../apply/manifest-dir.js';
import { findManifests } from '../../apply/find-manifest.js';
import { editManifestDocuments } from '../../apply/edit-manifest-file.js';
import { readApplyInput } from '../../apply/read-apply-input.js';
import { resourceRef } from '../../apply/plan-apply.js';
import { waitForApps } from '../../apply/wait-for-apps.js';
import { loadManifestDir } from '../../manifest/load-manifest-dir.js';
import { UsageError } from '../../errors.js';
import { resolveTargets } from '../targets.js';
import { examplesHelp } from '../format/examples.js';

export const command: Command = {
  name: 'delete',
  summary: 'Delete apps: removes their manifests from the watched directory; the controller stops their instances and frees their ports. Waits until the controller has done so (--no-wait returns at once).',
  usage: 'berth delete NAME... | all | -l key=value | -f FILE [--no-wait] [--dir DIR]',
  help: [
    '`all` and -l select from the manifests in the watched directory (apps and port claims).',
    '',
    examplesHelp(['berth delete web', 'berth delete web api', 'berth delete -l team=a', 'berth delete -f ecosystem.config.js', 'berth delete all']),
  ].join('\n'),
  options: { filename: { type: 'string', short: 'f' }, selector: { type: 'string', short: 'l' }, 'no-wait': { type: 'boolean' }, dir: { type: 'string' } },
  async run({ values, positionals }, ctx) {
    const dir = await resolveManifestDir(ctx, values.dir as string | undefined);
    const names: string[] = [];
    if (positionals.length > 0 || values.selector !== undefined) {
      const fromDir = async () => {
        const state = await loadManifestDir(dir);
        const valid = [...state.resources.values()].map((r) => ({ name: r.metadata.name, kind: r.kind, labels: r.metadata.labels, desiredState: 'running' as const }));
        // names of broken files too, so `delete NAME` says "fix it first" rather than "not found"
        const broken = [...state.files.values()].flatMap((f) => f.names).filter((n) => !state.resources.has(n));
        return [...valid, ...broken.map((name) => ({ name, kind: 'App' as const, labels: {}, desiredState: 'running' as const }))];
      };
      const targets = await resolveTargets({ words: positionals, selector: values.selector as string | undefined, verb: 'delete', kinds: ['App', 'PortClaim'], instances: false }, fromDir);
      names.push(...targets.map((t) => t.app));
      if (targets.length === 0) {
        ctx.err(`No apps ${values.selector === undefined ? 'to delete' : `match -l ${String(values.selector)}`}.`);
        return 0;
      }
    }
    if (values.filename) {
      const { documents } = await readApplyInput(values.filename as string, { cwd: ctx.cwd, stdin: ctx.stdin });
      names.push(...documents.map((d) => d.resource.metadata.name));
    }
    if (names.length === 0) throw new UsageError('delete needs app names, all, -l key=value or -f FILE');
    const found = await findManifests(dir, new Set(names));
    // one rewrite per file, however many of its documents go
    const byFile = new Map<string, Map<string, { remove: true }>>();
    for (const { file, resource } of found) {
      if (!byFile.has(file)) byFile.set(file, new Map());
      byFile.get(file)!.set(resource.metadata.name, { remove: true });
    }
    for (const [file, removals] of byFile) await editManifestDocuments(file, removals);
    for (const { resource } of found) ctx.out(`${resourceRef({ kind: resource.kind, name: resource.metadata.name })} deleted`);
    if (!values['no-wait']) await waitForApps(ctx.home, names.map((name) => ({ name, gone: true })), 60_000);
    return 0;
  },
};
