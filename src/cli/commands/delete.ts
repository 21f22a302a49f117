/** `berth delete NAME... | all | -l k=v | -f FILE`: remove the manifests; the controller stops the apps and frees their ports. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Command, CommandContext } from '../command.js';
import { MANIFEST_FILE } from '../../manifest/list-manifest-files.js';
import { resolveManifestDir } from '../../apply/manifest-dir.js';
import { withManifestLock } from '../../apply/manifest-lock.js';
import { removeManifests } from '../../apply/remove-manifests.js';
import { readApplyInput } from '../../apply/read-apply-input.js';
import { resourceRef } from '../../apply/plan-apply.js';
import { waitForApps } from '../../apply/wait-for-apps.js';
import { loadManifestDir } from '../../manifest/load-manifest-dir.js';
import { UsageError } from '../../errors.js';
import { resolveTargets } from '../targets.js';
import { examplesHelp } from '../format/examples.js';

/**
 * The names `delete -f FILE` means. A berth manifest file only needs its
 * documents' names (validating 500 documents took most of a second); an
 * ecosystem config, stdin or a file that does not parse goes through
 * apply's reader, which converts and reports.
 */
async function namesIn(target: string, ctx: CommandContext): Promise<string[]> {
  if (target !== '-' && MANIFEST_FILE.test(target)) {
    const text = await readFile(path.resolve(ctx.cwd, target), 'utf8').catch(() => undefined);
    const docs = text === undefined ? [] : parseAllDocuments(text);
    const list = Array.isArray(docs) ? docs.filter((doc) => doc.contents !== null || doc.errors.length > 0) : [];
    const names = list.map((doc) => (doc.errors.length === 0 && doc.get('apiVersion') === 'berth/v1' ? doc.getIn(['metadata', 'name']) : undefined));
    if (list.length > 0 && names.every((name): name is string => typeof name === 'string')) return names;
  }
  const { documents } = await readApplyInput(target, { cwd: ctx.cwd, stdin: ctx.stdin });
  return documents.map((d) => d.resource.metadata.name);
}

/** `all` / `-l` / names, resolved against the manifests in the watched directory (broken files' names too). */
async function namesOfTargets(dir: string, words: string[], selector: string | undefined): Promise<string[]> {
  const fromDir = async () => {
    const state = await loadManifestDir(dir);
    const valid = [...state.resources.values()].map((r) => ({ name: r.metadata.name, kind: r.kind, labels: r.metadata.labels, desiredState: 'running' as const }));
    // names of broken files too, so `delete NAME` says "fix it first" rather than "not found"
    const broken = [...state.files.values()].flatMap((f) => f.names).filter((n) => !state.resources.has(n));
    return [...valid, ...broken.map((name) => ({ name, kind: 'App' as const, labels: {}, desiredState: 'running' as const }))];
  };
  const targets = await resolveTargets({ words, selector, verb: 'delete', kinds: ['App', 'PortClaim'], instances: false }, fromDir);
  return targets.map((t) => t.app);
}

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
    const selector = values.selector as string | undefined;
    const names: string[] = [];
    if (positionals.length > 0 || selector !== undefined) {
      const selected = await namesOfTargets(dir, positionals, selector);
      if (selected.length === 0) {
        ctx.err(`No apps ${selector === undefined ? 'to delete' : `match -l ${selector}`}.`);
        return 0;
      }
      names.push(...selected);
    }
    if (values.filename) names.push(...(await namesIn(values.filename as string, ctx)));
    if (names.length === 0) throw new UsageError('delete needs app names, all, -l key=value or -f FILE');
    await withManifestLock(ctx.home, async () => {
      for (const resource of await removeManifests(dir, names)) ctx.out(`${resourceRef({ kind: resource.kind, name: resource.metadata.name })} deleted`);
    });
    if (!values['no-wait']) await waitForApps(ctx.home, names.map((name) => ({ name, gone: true })), 60_000);
    return 0;
  },
};
