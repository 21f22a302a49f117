/** `berth delete NAME... | -f FILE`: remove the manifests; the controller stops the apps and frees their ports. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { Command, CommandContext } from '../command.js';
import { MANIFEST_FILE } from '../../manifest/list-manifest-files.js';
import { resolveManifestDir } from '../../apply/manifest-dir.js';
import { findManifests } from '../../apply/find-manifest.js';
import { removeManifestDocuments } from '../../apply/edit-manifest-file.js';
import { withManifestLock } from '../../apply/manifest-lock.js';
import { readApplyInput } from '../../apply/read-apply-input.js';
import { resourceRef } from '../../apply/plan-apply.js';
import { waitForApps } from '../../apply/wait-for-apps.js';
import { UsageError } from '../../errors.js';

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

export const command: Command = {
  name: 'delete',
  summary: 'Delete apps: removes their manifests from the watched directory; the controller stops their instances and frees their ports. Waits until the controller has done so (--no-wait returns at once).',
  usage: 'berth delete NAME... | -f FILE [--no-wait] [--dir DIR]',
  options: { filename: { type: 'string', short: 'f' }, 'no-wait': { type: 'boolean' }, dir: { type: 'string' } },
  async run({ values, positionals }, ctx) {
    const dir = await resolveManifestDir(ctx, values.dir as string | undefined);
    const names = [...positionals];
    if (values.filename) names.push(...(await namesIn(values.filename as string, ctx)));
    if (names.length === 0) throw new UsageError('delete needs an app name or -f FILE');
    await withManifestLock(ctx.home, async () => {
      const found = await findManifests(dir, names);
      // one rewrite per file, however many of its documents go
      const byFile = new Map<string, Set<string>>();
      for (const { file, resource } of found) byFile.set(file, (byFile.get(file) ?? new Set()).add(resource.metadata.name));
      for (const [file, inFile] of byFile) await removeManifestDocuments(file, inFile);
      for (const { resource } of found) ctx.out(`${resourceRef({ kind: resource.kind, name: resource.metadata.name })} deleted`);
    });
    if (!values['no-wait']) await waitForApps(ctx.home, names.map((name) => ({ name, gone: true })), 60_000);
    return 0;
  },
};
